namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// A message longer than a short answer, written while the conversation waits until it is safe: it reaches a caseworker, out of
/// sight, whatever the phone gets.
/// </summary>
internal sealed partial class IntakeConversation
{
    private const string WroteWhileNotSafeReason = "wrote_while_not_safe";

    /// <summary>
    /// More words than this beside what the message is read as (a not-safe phrase, a cry) say more than an answer or a check-in:
    /// three words is what the answer reader takes as a short answer.
    /// </summary>
    private const int MaxWordsOfShortMessage = AnswerReader.ShortAnswerWords;

    // The message has more words than a short answer (beside a not-safe phrase and a cry, or beside the "no" to the safety
    // question, when it has one: what it is read as): set by Receive, NotSafeToWrite and HeardNotSafe, read when the turn
    // finishes.
    private bool _saysMore;

    // The message answered the safety question with anything but a "yes" (a "no", a not-safe phrase, an answer still unclear
    // when asked again): it begins the wait, or goes on with it.
    private bool _answeredNotSafe;

    /// <summary>
    /// A message that says more than a short answer, written while the conversation waits until it is safe (after the discreet
    /// word or "not safe") and leaving it waiting, opens the case out of sight: otherwise a newcomer's "he is watching, I need
    /// help, he took my passport" after the discreet word got the safety question and reached nobody, and if the person never
    /// said "yes", nobody knew. The phone gets what it got before (the safety question, its simpler re-ask, the acknowledgement
    /// of a "no"), and nothing else: the case opens with no hand-off reply, and a caseworker's reply is refused until they say
    /// it is safe. A short message ("hello", "are you there?") opens nothing: it says no more than the discreet word did, and
    /// a case for every check-in would bury the queue. A longer "yes" to the safety question once it is asked ("yes, he is gone
    /// now, I can talk") ends the wait and goes on with the intake as "1" does. A case open already is where the message goes.
    /// </summary>
    /// <remarks>
    /// A message that begins the wait says as much: "no, he is in the next room, he took my passport" to the intake's first safety question
    /// got the not-safe acknowledgement and opened nothing (the timer that hands an unanswered safety question to a person does
    /// nothing once it is quiet), so if they never wrote again, nobody read it. A "no" or a not-safe phrase with at most three
    /// words more ("no", "2", "no not now") says only that it is not safe, and opens nothing, as before.
    /// So does a story written before the answer: "my boss took my passport, he locks us in at night" to the first safety
    /// question is neither yes nor no, and got the simpler re-ask with no case (the conversation does not wait yet); the "2"
    /// after it was counted alone, and it went quiet with no case again. The story is kept in the state at the re-ask
    /// (<see cref="IntakeState.SaidMoreBeforeReask"/>) and counted with the answer that begins the wait.
    /// </remarks>
    private void OpenCaseIfWrittenWhileNotSafe()
    {
        var saidMore = _saysMore || (_answeredNotSafe && _state.SaidMoreBeforeReask);
        if (_answeredNotSafe)
        {
            // The answer the story was written before has come: it counts here, and no later answer is read with it.
            _state.SaidMoreBeforeReask = false;
        }

        if (saidMore && (_startedWaiting || _answeredNotSafe) && WaitsForSafety)
        {
            OpenCaseOutOfSight();
        }
    }

    /// <summary>
    /// Anything but a "yes" to the safety question: the words beside the answer are what the message says more (as beside a
    /// not-safe phrase), so "no not now" is a short "no", and "no, he is in the next room, he took my passport" is a "no" and a message;
    /// an answer still unclear when asked again (the script's way to the quiet) is all message.
    /// </summary>
    private void HeardNotSafe(string? keyword, string text)
    {
        _answeredNotSafe = true;
        _saysMore = _engine.Answers.ReadWithStory(keyword, text, _language ?? _script.BaseLanguage).WordsBeside > MaxWordsOfShortMessage;
    }

    /// <summary>
    /// Opens the case for a message written while it was not safe to answer, unless one is open. With no urgent word to say why
    /// it is in the queue, its reasons say this (no points, the band unchanged): a case with no reason and no answer kept read
    /// "Danger unknown: … the person asked for a person first, or did not agree to keep their answers", neither of which they
    /// had done.
    /// </summary>
    private void OpenCaseOutOfSight()
    {
        if (_caseOpen)
        {
            return;
        }

        _state.WroteWhileNotSafe = _state.UrgentWord is null && !_state.Distressed;
        OpenCase();
    }

    private TriageResult WithWroteWhileNotSafe(TriageResult triage) => WithReason(triage, _state.WroteWhileNotSafe, WroteWhileNotSafeReason);
}
