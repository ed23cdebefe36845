namespace Hotline.Bot.Intake.Engine;

/// <summary>A distress word ("help me", "sos", bachao): a person at once, and the emergency number where it is safe to tell it.</summary>
internal sealed partial class IntakeConversation
{
    /// <summary>
    /// A cry for help goes to a person at once, with the emergency number, whatever step it came at. Once the intake has
    /// handed the case to a person, the case still rises (Critical, in danger now) and the phone gets what an urgent word
    /// gets there: the number once, and nothing beside a caseworker who has written (hers is the voice on the phone).
    /// </summary>
    private EngineTurn Distress(string? keyword, string text)
    {
        if (_caseOpen && (_state.Status == IntakeStatus.HandedOff || _snapshot.CaseworkerHasWritten))
        {
            RaiseForDistress();
            RequestHandoff(DistressReason);
            _state.Status = IntakeStatus.HandedOff;
            // A cry does not answer the intake's safety question: the person is writing to her now (ReplyBesideCaseworker). Her
            // own question, if it has not reached the phone yet, is still to be read against the first message written after it.
            _state.SafetyUnanswered = false;
            KeepCaseworkerQuestionOnlyIfOnItsWay();
            TellNumberForDanger();
            return Finish();
        }

        RaiseForDistress();
        HearCryLanguage(keyword, text);
        GuessLanguage(keyword, text);
        HandOff(DistressReason);
        // The number is just above on the phone already (an urgent word told it): the cry is answered, once.
        _replies.Add(HandoffReply(_state.NumberTold ? MessageIds.Person : MessageIds.Distress));
        if (_language is null)
        {
            // The caseworker will need their language; the choice then gets the person's reply in it.
            _state.MenuOpen = true;
            _replies.AddRange(_engine.Replies.Menu(_language));
        }

        return Finish();
    }

    /// <summary>
    /// A cry for help after the discreet word or "not safe": the phone may be in someone else's hands, so it gets only the
    /// safety question, as any message then does, and the conversation waits until the person says it is safe (a
    /// caseworker's reply is refused meanwhile). The cry is not lost: out of sight, the case opens or rises and goes to a
    /// person, and the hand-off reply with the emergency number answers their "yes".
    /// </summary>
    private EngineTurn DistressUntilSafe(string? keyword, string text)
    {
        RaiseAndOweTheNumber();
        HearCryLanguage(keyword, text);
        return HandOffUntilSafe(DistressReason, keyword, text);
    }

    /// <summary>A cry for help nothing may answer on the phone yet: the case rises now, and the number waits for their "yes".</summary>
    private void RaiseAndOweTheNumber()
    {
        RaiseForDistress();
        _state.NumberOwed = true;
    }

    /// <summary>
    /// The case goes to a person out of sight and the intake ends, but nothing but the safety question reaches the phone, and
    /// the conversation waits until the person says it is safe: then it is the person's, with the hand-off's reply.
    /// </summary>
    private EngineTurn HandOffUntilSafe(string reason, string? keyword, string text)
    {
        // The reason is for a case the intake still asked on: once a caseworker has written, the person is asked by her, and
        // their "0" may answer her (nothing they write beside her re-triages the case).
        if (reason == AskedForPersonReason && !_state.ResumesHandedOff && !(_caseOpen && _snapshot.CaseworkerHasWritten))
        {
            AddAskedForPersonReason();
        }

        HandOffOutOfSight(reason);
        if (_state.Status == IntakeStatus.Quiet)
        {
            return Wake(keyword, text);
        }

        GuessLanguage(keyword, text);
        if (_language is null)
        {
            return FinishWithMenu();
        }

        _state.Step = _script.ResumeStepId;
        _state.MenuOpen = false;
        return Finish(_engine.Replies.Get(_language, _script.ResumeStepId));
    }

    /// <summary>The case goes to a person and the intake ends, with nothing sent; once it is safe, the conversation is the person's.</summary>
    private void HandOffOutOfSight(string reason)
    {
        RequestHandoff(reason);
        if (!_state.ResumesHandedOff && _state.Status != IntakeStatus.HandedOff)
        {
            // The intake ends here, as at any hand-off.
            _events.Add(new IntakeEnded(reason, Unanswered()));
            _state.ResumesHandedOff = true;
            _state.ReturnStep = null;
            ForgetUnlessConsented();
        }
    }
}
