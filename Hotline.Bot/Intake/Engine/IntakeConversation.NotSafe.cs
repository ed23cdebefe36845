namespace Hotline.Bot.Intake.Engine;

/// <summary>"Not safe", "can't talk", "safe nahi" typed at any step: the quiet that a "no" to whether it is safe to write gives.</summary>
internal sealed partial class IntakeConversation
{
    /// <summary>
    /// A not-safe phrase of any language in the message (<see cref="LanguageWords.NotSafe"/>), unless the message answers the
    /// question on the phone: a clear "yes" to a question other than the safety one ("yes, I can't talk to my family"), or the
    /// phrase the question itself uses ("unsafe" under "Is the place where you sleep unsafe?"), which a quiet would only ask
    /// again, for good, each time the person said it was safe.
    /// </summary>
    private WordMatch? NotSafePhrase(string? keyword, string text) =>
        _engine.NotSafe.Find(text, phrase => AnswersQuestion(phrase, keyword, text));

    private bool AnswersQuestion(WordMatch phrase, string? keyword, string text)
    {
        if (!IsAsking || _state.MenuOpen || BesideCaseworker || _state.Step == _script.ResumeStepId
            || _script.FindStep(_state.Step) is not { Kind: StepKind.YesNo or StepKind.Text } step)
        {
            return false;
        }

        var language = _language ?? _script.BaseLanguage;
        return (step.Kind == StepKind.YesNo && _engine.Answers.Read(keyword, text, language) == AnswerCodes.Yes)
            || WordsInMessage.Holds(_script.Text(language, step.Id), phrase.Word)
            || WordsInMessage.Holds(_script.Text(_script.BaseLanguage, step.Id), phrase.Word);
    }

    /// <summary>
    /// Whatever step it comes at, the person gets what a "no" to the safety question gives: the one short acknowledgement, and
    /// nothing more, a caseworker's reply included, until they write again and say it is safe. Then the intake goes back to
    /// the question they were on, or the conversation to the caseworker who had it. It is no answer to that question: "not
    /// safe" under "Did your boss take your passport?" says nothing about the passport. Where the script hands an unclear
    /// answer to a person ("Are you in danger right now?", to which "I am not safe" may be the answer), it is that unclear
    /// answer too, out of sight. While it is quiet already, nothing is sent.
    /// </summary>
    private EngineTurn NotSafeToWrite(WordMatch phrase)
    {
        if (_state.Status == IntakeStatus.Quiet)
        {
            // Quiet already, and acknowledged then: still nothing reaches the phone, not even the safety question any other
            // message gets.
            return Finish();
        }

        HandOffAsUnclearAnswer();
        var quiet = NotSafeStep;
        _events.Add(new WentQuiet(QuietCauseFor(quiet.Reason!)));
        WaitUntilSafe(quiet.Reason!);

        // A first message's language may not be known: the acknowledgement is in the phrase's.
        return Finish(_engine.Replies.Get(_language ?? phrase.Language, quiet.Id));
    }

    /// <summary>The quiet step a "no" to the safety question leads to (the script is checked for one at load).</summary>
    private ScriptStep NotSafeStep => _script.FindStep(_script.FindStep(_script.ResumeStepId)!.Target(AnswerCodes.No)!)!;

    /// <summary>
    /// At a question whose unclear answer goes to a person, the case opens or rises with that answer and goes to a person, the
    /// intake ends as at any hand-off, and the hand-off's reply (with the emergency number where it has one) waits for the
    /// person's "yes" to the safety question.
    /// </summary>
    private void HandOffAsUnclearAnswer()
    {
        if (!IsAsking || _state.MenuOpen || BesideCaseworker || _state.Step == _script.ResumeStepId
            || _script.FindStep(_state.Step) is not { Kind: StepKind.YesNo } step
            || _script.FindStep(step.Target(AnswerCodes.Unknown)!) is not { Kind: StepKind.Handoff } handoff)
        {
            return;
        }

        Record(step, AnswerCodes.Unknown, "");
        _state.NumberOwed |= _script.Text(_script.BaseLanguage, handoff.Id).Contains(Placeholders.EmergencyNumber, StringComparison.Ordinal);
        RequestHandoff(handoff.Reason!);
        _events.Add(new IntakeEnded(handoff.Reason!, Unanswered()));
        _state.ResumesHandedOff = true;
        ForgetUnlessConsented();
    }
}
