namespace Hotline.Bot.Intake.Engine;

/// <summary>A caseworker has written on the open case while the intake was still asking.</summary>
internal sealed partial class IntakeConversation
{
    /// <summary>
    /// The conversation is the caseworker's from here: the intake asks nothing more, since two voices at once would
    /// confuse the person and every automatic text is one more an abuser holding the phone may read. This message may
    /// still answer the question on the phone, asked before the caseworker wrote. A clear answer counts as any answer
    /// does: recorded (with consent) and triaged, so the caseworker never reads it listed as a question left to ask;
    /// consent alone is never read from such a reply, and a "no" to whether it is safe to write makes the conversation
    /// quiet, caseworker included, with the not-safe acknowledgement, as it would without them. Nothing is guessed: an
    /// unclear answer is not asked again and not recorded (the question stays in the list to ask), and the caseworker reads
    /// it in the transcript under the question. No other branch's text is sent (the emergency number, the next question):
    /// the caseworker answers.
    /// </summary>
    private EngineTurn AnswerBesideCaseworker(string? keyword, string text)
    {
        _endReason = CaseworkerWroteReason;
        var step = _script.FindStep(_state.Step)!;
        // Consent is given to the question, never read from a reply that may be the caseworker's ("yes", "no"): a guessed
        // "yes" would share the person's answers with a partner, a guessed "no" would forget them. The caseworker asks.
        var code = _state.MenuOpen || step.GrantsConsent ? null : ReadAnswer(step, keyword, text);
        _state.MenuOpen = false;
        _state.Status = IntakeStatus.HandedOff;
        if (code is null)
        {
            return Finish();
        }

        if (step.Id == _script.ResumeStepId)
        {
            // Whether it is safe to write is not an intake answer, but a "no" silences everyone until they write again.
            if (code == AnswerCodes.No)
            {
                _state.Status = IntakeStatus.Active;
                GoTo(step.Target(code)!);
            }

            return Finish();
        }

        Record(step, code, text);
        return Finish();
    }

    /// <summary>A clear answer to the step (yes or no, or a text with words in it), or null.</summary>
    private string? ReadAnswer(ScriptStep step, string? keyword, string text) => step.Kind switch
    {
        StepKind.YesNo => _engine.Answers.Read(keyword, text, _language ?? _script.BaseLanguage),
        StepKind.Text when !TextNormalizer.HasNoWords(text) => AnswerCodes.Text,
        _ => null,
    };
}
