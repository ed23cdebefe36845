using Hotline.Bot.Channels;

namespace Hotline.Bot.Intake.Engine;

/// <summary>Going quiet (the discreet word), asking whether it is safe to write again, and STOP and START meanwhile.</summary>
internal sealed partial class IntakeConversation
{
    private EngineTurn WhileOptedOut((KeywordKind Kind, string Keyword) carrier, WordClass word, string? keyword, string text)
    {
        if (carrier.Kind == KeywordKind.OptIn || word == WordClass.Start)
        {
            _events.Add(new OptedIn(carrier.Kind == KeywordKind.OptIn ? carrier.Keyword : keyword!));
            if (WaitsForSafety)
            {
                // Receiving messages again is not saying it is safe to: the safety question, and the conversation waits.
                return AskWhetherSafe(keyword, text);
            }

            _replies.Add(_engine.Replies.Get(_language, MessageIds.OptedIn));
            // Not a question of a closed case's, nor beside a caseworker who has written, nor after the discreet word, nor
            // before any was asked (their first message was STOP: their next begins the intake, as a first message does). With no
            // language known the question is the menu, asked too: a closed case's person whose new case a message opened while
            // opted out waits there until it is safe, and a START that asked nothing left out WaitsUntilSafe, ending the wait.
            if (IsAsking && !(_caseOpen && _snapshot.CaseworkerHasWritten))
            {
                return AskCurrentQuestionAgain();
            }
        }
        else if (carrier.Kind == KeywordKind.OptOut || word == WordClass.Stop)
        {
            _events.Add(new OptedOut(carrier.Kind == KeywordKind.OptOut ? carrier.Keyword : keyword!));
        }
        else if (_engine.Discreet.IsKeyword(keyword))
        {
            // Nothing is sent while opted out, but the warning stands, a caseworker's conversation included: START then gets
            // only the safety question, and the conversation waits until they say it is safe.
            GoQuietAfterDiscreetWord();
            return new EngineTurn(_engine.Codec.Write(_state), _language, _replies, _events);
        }

        // HELP after STOP gets no reply from the hotline: the carrier answers it, and nothing the hotline
        // wrote could reach an opted-out number (the host sends nothing until START). An urgent word still makes
        // the case Critical, silently, and a longer message opens the case, silently too.
        if (_caseClosedSince && (_urgent is not null || _saysMore))
        {
            BeginAgainWhileOptedOut();
        }

        OpenCaseIfWrittenWhileOptedOut();
        return _urgent is null && !_openedWhileOptedOut ? new EngineTurn(_snapshot.State, _language, _replies, _events) : Finish();
    }

    /// <summary>
    /// Waiting until it is safe, the phone gets nothing but the question that asks (the language menu first if no language is
    /// known): after a quiet spell it is asked now, while it is asked it is asked again.
    /// </summary>
    private EngineTurn AskWhetherSafe(string? keyword, string text) =>
        _state.Status == IntakeStatus.Quiet ? Wake(keyword, text) : AskCurrentQuestionAgain();

    /// <summary>
    /// The question the person stopped the intake at, asked again (after the opt-in's confirmation, or the safety question while
    /// it waits for the answer): otherwise they would not know what the next message answers.
    /// </summary>
    private EngineTurn AskCurrentQuestionAgain() =>
        _state.MenuOpen || _state.Step == _script.StartStep.Id ? FinishWithMenu() : Finish(_engine.Replies.Get(_language, _state.Step));

    /// <summary>
    /// The decoy makes a phone's thread look like an ordinary contact's. In a chat, with the hotline's bot under its name, a
    /// "wrong number" would stand out, and any reply is one more line (and notification) on the screen: the chat goes quiet
    /// with no reply, as it does when the person closes it.
    /// </summary>
    private EngineTurn Discreet()
    {
        _events.Add(new WentQuiet(DiscreetReason));
        GoQuietAfterDiscreetWord();
        return Finish(_snapshot.Channel.IsPhoneNumber() ? _engine.Replies.Get(_language, MessageIds.Discreet) : null);
    }

    /// <summary>
    /// The host's engine threw on this message (IntakeHost/EngineFaultHandoff): only the silence it asks for, recorded as the
    /// turn would have recorded it, with no reply. STOP, or a stop word of the person's language ("रोक्नुहोस्", "sitisha"): opted
    /// out, as <see cref="Receive"/> reads it (before, the host read only the carrier keywords, and a fault on a language's own
    /// stop word left a caseworker free to write). The discreet word: quiet as after <see cref="Discreet"/> (the decoy aside),
    /// so the next message gets the safety question. Before, the host made the conversation quiet while the state went on as
    /// if nothing had been written, and the person's "hello" woke it with the intake's next question.
    /// </summary>
    public EngineTurn? SilenceOnly(InboundMessage message)
    {
        _language ??= LanguageTags.Match(_script, message.Locale);
        var keyword = TextNormalizer.Keyword(message.Text);
        if (!_snapshot.OptedOut && StopKeyword(OptOutKeywords.Classify(message.Text), _engine.Lexicon.Classify(keyword, _language), keyword) is { } stop)
        {
            // As in Receive: opted out, the state unchanged, nothing sent.
            return IntakeEngine.Unchanged(_snapshot, _language, [new OptedOut(stop)]);
        }

        if (!_engine.Discreet.IsKeyword(keyword))
        {
            return null;
        }

        // The quiet first (the host reads it as what the message silenced), then what the word changed of an open case's triage.
        GoQuietAfterDiscreetWord();
        return new EngineTurn(_engine.Codec.Write(_state), _language, [], [new WentQuiet(DiscreetReason), .. _events]);
    }

    private void GoQuietAfterDiscreetWord()
    {
        RaiseForDiscreetWord();
        _state.Decoy = true;
        WaitUntilSafe(DiscreetReason);
    }

    /// <summary>Quiet from wherever the conversation is, until the person says it is safe to write (the discreet word, "not safe").</summary>
    private void WaitUntilSafe(string cause)
    {
        _state.QuietCause = QuietCauseFor(cause);
        if (_state.Status == IntakeStatus.Active)
        {
            // Come back to the question they were on, after asking again whether it is safe to write; not to an intake a person
            // has taken over.
            if (_state.Step != _script.ResumeStepId && _state.Step != _script.StartStep.Id && !_state.ResumesHandedOff)
            {
                _state.ReturnStep = _state.Step;
            }

            GoQuiet(cause);
        }
        else if (_state.Status == IntakeStatus.HandedOff)
        {
            // A caseworker has the conversation: their replies wait too, until the person says it is safe to write.
            _state.ResumesHandedOff = true;
            GoQuiet(cause);
        }

        _state.MenuOpen = false;
    }
}
