namespace Hotline.Bot.Intake.Engine;

/// <summary>"Not safe", "can't talk", "safe nahi" typed where the phone asks whether it is safe to write: the quiet a "no" gives.</summary>
internal sealed partial class IntakeConversation
{
    /// <summary>
    /// A not-safe phrase of any language in the message (<see cref="LanguageWords.NotSafe"/>), read only where the question on
    /// the phone is whether it is safe to write: asked by the intake, asked again after a quiet spell, left unanswered when a
    /// caseworker took the conversation, asked by the caseworker herself, or the quiet itself. Anywhere else the same words
    /// say other things as often ("I can't talk to my family" under the isolation question, "I cannot talk English" as a first
    /// message, "I am not safe" meaning danger beside a caseworker who must read it), and a quiet there would silence a person
    /// who asked for help.
    /// </summary>
    private WordMatch? NotSafePhrase(string text) => SafetyQuestionOpen ? _engine.NotSafe.Find(text) : null;

    private bool SafetyQuestionOpen =>
        _state.Status == IntakeStatus.Quiet
        || WaitsForSafety
        || _state.SafetyUnanswered
        || _state.CaseworkerAskedIfSafe
        || (IsAsking && _state.Step == _script.ResumeStepId);

    /// <summary>
    /// What a "no" to the safety question gives: the one short acknowledgement, and nothing more, a caseworker's reply
    /// included, until they write again and say it is safe; then the question they were on, or the conversation to the
    /// caseworker who had it. While it is quiet already, nothing is sent, not even the safety question any other message gets.
    /// </summary>
    private EngineTurn NotSafeToWrite(WordMatch phrase)
    {
        if (_state.Status == IntakeStatus.Quiet)
        {
            return Finish();
        }

        var quiet = NotSafeStep;
        _events.Add(new WentQuiet(QuietCauseFor(quiet.Reason!)));
        WaitUntilSafe(quiet.Reason!);
        return Finish(_engine.Replies.Get(_language ?? phrase.Language, quiet.Id));
    }

    /// <summary>The quiet step a "no" to the safety question leads to (the script is checked for one at load).</summary>
    private ScriptStep NotSafeStep => _script.FindStep(_script.FindStep(_script.ResumeStepId)!.Target(AnswerCodes.No)!)!;
}
