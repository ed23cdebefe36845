namespace Hotline.Bot.Intake.Engine;

/// <summary>"Not safe", "can't talk", "safe nahi" typed where the phone asks whether it is safe to write: the quiet a "no" gives.</summary>
internal sealed partial class IntakeConversation
{
    /// <summary>
    /// A not-safe phrase of any language in the message (<see cref="LanguageWords.NotSafe"/>), read only where the question on
    /// the phone is whether it is safe to write: asked by the intake, asked again after a quiet spell, left unanswered when a
    /// caseworker took the conversation (until the person has written to her, <see cref="ReplyBesideCaseworker"/>), asked by
    /// the caseworker herself once it has left for the phone (a message crossing it on its way was written before the person
    /// could read it, and is hers to read: "he locked the door, it is not safe here" must reach her, not silence her), or the
    /// quiet itself. Anywhere else the same words
    /// say other things as often ("I can't talk to my family" under the isolation question, "I cannot talk English" as a first
    /// message, "I am not safe" meaning danger beside a caseworker who must read it), and a quiet there would silence a person
    /// who asked for help.
    /// </summary>
    private WordMatch? NotSafePhrase(string text) => SafetyQuestionOpen ? _engine.NotSafe.Find(text) : null;

    private bool SafetyQuestionOpen =>
        _state.Status == IntakeStatus.Quiet
        || WaitsForSafety
        || _state.SafetyUnanswered
        || CaseworkerQuestionOnPhone
        || (IsAsking && _state.Step == _script.ResumeStepId);

    /// <summary>
    /// What a "no" to the safety question gives: the one short acknowledgement, and nothing more, a caseworker's reply
    /// included, until they write again and say it is safe; then the question they were on, or the conversation to the
    /// caseworker who had it. A cry for help beside the phrase ("please help me, it is not safe here") is not lost: out of
    /// sight the case opens or rises, Critical, and goes to a person, and the emergency number answers their "yes".
    /// </summary>
    /// <remarks>
    /// While it is quiet already, no question is on the phone: the person wrote of their own accord. A short message that
    /// says only that it is not safe ("still not safe", "sorry, can't talk now", "not safe, help me") gets nothing, not even
    /// the safety question any other message gets: one more text to a phone its owner just said is not safe says nothing
    /// new. Its message still reaches a case a caseworker reads (opened now if none is), and the console is told the person
    /// said it is not safe (<see cref="WentQuiet"/>), not that they were asked. A longer message says more than that, and the
    /// words cannot tell what: "I was not safe before, please help, I can talk now" and "I am not safe here, I need to talk to
    /// someone" read alike. Silence would leave a person who may be able to talk now unanswered, with a caseworker who may not
    /// write to them; so it gets what any message gets while quiet, the safety question, which assumes nothing and is already
    /// on the phone above (the language menu first if no language is known), and a cry in it goes to a person out of sight.
    /// </remarks>
    private EngineTurn NotSafeToWrite(WordMatch phrase, string? keyword, string text)
    {
        var cry = _engine.Cries.Find(text);
        var quietAlready = _state.Status == IntakeStatus.Quiet;
        _saysMore = !SaysOnlyItIsNotSafe(phrase, cry, text);
        _answeredNotSafe = true;
        if (quietAlready && _saysMore)
        {
            if (cry is not null)
            {
                return DistressUntilSafe(keyword, text);
            }

            // Out of sight, as a short one: if they never say it is safe, a caseworker still reads what they wrote (a review
            // found "I am not safe in this house, they took my passport" after a "no" at the first question seen by nobody).
            OpenCaseOutOfSight();
            return Wake(keyword, text);
        }

        if (cry is not null)
        {
            RaiseAndOweTheNumber();
            HandOffOutOfSight(DistressReason);
        }

        if (quietAlready)
        {
            // Nobody would read it otherwise: nothing answers it, and only a "yes" to a question would go on to a case.
            OpenCaseOutOfSight();
        }

        var quiet = NotSafeStep;
        _events.Add(new WentQuiet(QuietCauseFor(quiet.Reason!)));
        WaitUntilSafe(quiet.Reason!);
        return Finish(quietAlready ? null : _engine.Replies.Get(_language ?? phrase.Language, quiet.Id));
    }

    /// <summary>
    /// The not-safe phrase and at most three words more (<see cref="MaxWordsOfShortMessage"/>), a cry for help not counted: what
    /// a person writes when they cannot talk is short. Three words is what the answer reader takes as a short answer, too.
    /// </summary>
    private static bool SaysOnlyItIsNotSafe(WordMatch phrase, WordMatch? cry, string text) =>
        WordsInMessage.CountWords(text) - WordsInMessage.CountWords(phrase.Word) - WordsInMessage.CountWords(cry?.Word)
            <= MaxWordsOfShortMessage;

    /// <summary>The quiet step a "no" to the safety question leads to (the script is checked for one at load).</summary>
    private ScriptStep NotSafeStep => _script.FindStep(_script.FindStep(_script.ResumeStepId)!.Target(AnswerCodes.No)!)!;
}
