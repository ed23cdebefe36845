namespace Hotline.Bot.Intake.Engine;

/// <summary>A caseworker has written on the open case while the intake was still asking.</summary>
internal sealed partial class IntakeConversation
{
    /// <summary>
    /// The conversation is the caseworker's from here: the intake asks nothing more, since two voices at once would
    /// confuse the person and every automatic text is one more an abuser holding the phone may read. This message may
    /// answer the intake's question or hers, and nothing tells which: a "no" to her "Do you have somewhere safe to sleep
    /// tonight?" read as the answer about their documents would be false data about a victim, in the case's triage, the
    /// indicators a partner receives and the statistics. So it answers no question, coded or written: nothing is recorded or
    /// triaged, and every question left stays in the list for her to ask in her own words (she reads the message under both
    /// questions in the transcript). Nothing of the script is sent (the emergency number, the next question).
    /// </summary>
    /// <remarks>
    /// One reading stays, the careful one. While the intake's question whether it is safe to write is unanswered (the case
    /// opened before the answer, at an urgent word or a returning person's first message, and she wrote at once), the
    /// person's first message beside her is read against it: a "no" makes the conversation quiet, caseworker included, with
    /// the not-safe acknowledgement: if it was the intake's answer, her next message would reach a phone its owner said is
    /// not safe; if it was hers, it costs the person one more "yes" when they next write. A "yes" there is never taken as
    /// safe. Any message but a "no" closes the question: whether it answered the intake ("yes") or her ("who is this?"),
    /// the person is writing to her now, and her messages stand between the intake's question and whatever they write next.
    /// Read against it for the rest of the case, "he locked the door, it is not safe here" or "I can't talk to my family"
    /// silenced a Critical person and refused her replies; if she needs the answer, her own question
    /// (<see cref="AskedByCaseworker"/>) asks it unambiguously. Without consent, the answers given so far are forgotten, as
    /// at any hand-off.
    /// The language menu opened over that question and still the intake's last text on the phone is answered by a number it
    /// offers: "2" there is العربية, not "no" (which sent "OK. Write again when it is safe." and refused her replies). The
    /// language changes, and the question, still unanswered, is asked again in it, as after any choice at the menu: it is
    /// the last text on the phone again, so the next message is read against it as the first one beside her is.
    /// The same question asked by the caseworker herself (<see cref="AskedByCaseworker"/>) is read the same way, against the
    /// person's next message only: a "no" makes the conversation quiet, her included; anything else closes it, and from then
    /// on a "no" is hers to read, as before she asked. Kept open longer, "who is this?" and then "he locked me in, I can't talk
    /// to anyone" weeks later silenced a person in danger (a review); she asks again if she needs to.
    /// Her question is the one on the phone only once it has left: a message arriving while it still waits in the outbox
    /// (not yet sent, being sent, held until the person writes outside WhatsApp's window) was written before the person could
    /// read it, crosses it and answers nothing; the question stays open, unread, for the next message
    /// (<see cref="ConversationSnapshot.CaseworkerQuestion"/>, told by the host). Read as the answer, a "hello" that
    /// released her held question closed it unseen, and the "no" the person wrote once they had read it let her next reply
    /// reach a phone its owner had said is not safe (a review). A not-safe phrase in a crossing message is hers to read too, as
    /// beside her with no question on the phone (<see cref="NotSafePhrase"/>): "he locked the door, it is not safe here",
    /// written while her question was stuck in the outbox, silenced a person in danger (a review).
    /// One whose send has no settled outcome (being sent, an answer lost, given up unconfirmed:
    /// <see cref="CaseworkerQuestion.MayHaveLeft"/>) may be on the phone: a "no" or a not-safe phrase is the answer, and
    /// anything else leaves it open, as a crossing message does. Read as crossing it, the person's "no" to a question that had
    /// reached them while Twilio's answer was lost let her next reply through (a review).
    /// Asked again before the person answered, the latest asking is the one the host follows (it is the last on the phone):
    /// until it has left, a "no" is the answer (it may answer the earlier one), and anything else keeps the question open.
    /// Following the first asking, a message after the first had left closed the question while the second was on its way,
    /// and the person's "no" to the second let her next reply through (a review).
    /// A question that never left and never will (refused for good, or cancelled: <see cref="CaseworkerQuestion.NeverLeft"/>)
    /// gives way to an earlier asking that has, or may have, left, and is otherwise closed, before the message is read (<see cref="IntakeConversation(IntakeEngine, ConversationSnapshot)"/>): read
    /// against it, "he locked the door, it is not safe here" answered a question the person never saw, made the conversation
    /// quiet and refused her "Call 112 now" (a review).
    /// </remarks>
    private EngineTurn ReplyBesideCaseworker(string? keyword, string text)
    {
        _endReason = IntakeEnded.CaseworkerWrote;
        // The language menu opened over the safety question does not answer it: still unanswered.
        var safetyUnanswered = _state.SafetyUnanswered || (_state.Status == IntakeStatus.Active && _state.Step == _script.ResumeStepId);
        var chosen = _state.MenuOpen && safetyUnanswered ? MenuChoice(keyword) : null;
        var answer = chosen is null && (safetyUnanswered || CaseworkerQuestionOnPhone)
            ? _engine.Answers.Read(keyword, text, _language ?? _script.BaseLanguage)
            : null;
        _state.MenuOpen = false;
        if (chosen is not null)
        {
            _language = chosen;
            _state.LanguageGuessed = false;
        }
        else if (answer == AnswerCodes.No)
        {
            // Not an intake answer: the quiet ends as any does, with a "yes" to the question asked when they next write,
            // which is then the last message on the phone (the host refuses the caseworker's replies meanwhile).
            GoTo(_script.FindStep(_script.ResumeStepId)!.Target(AnswerCodes.No)!);
            return Finish();
        }

        _state.SafetyUnanswered = chosen is not null;
        KeepCaseworkerQuestionOnlyIfOnItsWay();
        _state.Status = IntakeStatus.HandedOff;
        ForgetUnlessConsented();
        return Finish(chosen is null ? null : _engine.Replies.Get(_language, _script.ResumeStepId));
    }

    /// <summary>
    /// Her question whether it is safe to write is open and has left for the phone, or may have (its send's outcome not
    /// settled): this message may answer it.
    /// </summary>
    private bool CaseworkerQuestionOnPhone =>
        _state.CaseworkerAskedIfSafe && HerQuestion is CaseworkerQuestion.Left or CaseworkerQuestion.MayHaveLeft;

    /// <summary>
    /// Where her question is, the host telling of her latest asking. Asked again while it was still open, an earlier asking
    /// may be on the phone while the latest is on its way: as far as this message goes, the question may have left. A latest
    /// asking that never left gave way to the earlier one when the turn began (<see cref="IntakeConversation(IntakeEngine, ConversationSnapshot)"/>).
    /// </summary>
    private CaseworkerQuestion HerQuestion => _snapshot.CaseworkerQuestion switch
    {
        CaseworkerQuestion.OnItsWay when _state.CaseworkerAskedAgain => CaseworkerQuestion.MayHaveLeft,
        var where => where,
    };

    /// <summary>
    /// This message is the person's writing to her, and answers her question if it was on the phone: closed then. One that
    /// crossed it, written before it left, leaves it open for the next message, the first the person writes having read it;
    /// so does one beside a question that may not have left yet (a "no" there was read as the answer before this).
    /// </summary>
    private void KeepCaseworkerQuestionOnlyIfOnItsWay()
    {
        _state.CaseworkerAskedIfSafe &= HerQuestion is CaseworkerQuestion.OnItsWay or CaseworkerQuestion.MayHaveLeft;
        _state.CaseworkerAskedAgain &= _state.CaseworkerAskedIfSafe;
    }

    /// <summary>
    /// A caseworker asked the person herself whether it is safe to write: her question is open as the intake's is beside her,
    /// for the person's next message once it has left for the phone (<see cref="ReplyBesideCaseworker"/>, <see cref="NotSafePhrase"/>).
    /// While the conversation waits until it is safe, the host refuses her reply, and the question open is the intake's own.
    /// </summary>
    public string? AskedByCaseworker()
    {
        if (WaitsForSafety)
        {
            return _snapshot.State;
        }

        // Asked again before the person answered: the host now follows this asking, and an earlier one may be what they answer.
        _state.CaseworkerAskedAgain = _state.CaseworkerAskedIfSafe;
        _state.CaseworkerAskedIfSafe = true;
        return _engine.Codec.Write(_state);
    }
}
