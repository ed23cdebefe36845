namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// A message longer than a short answer, written after the person opted out (STOP): nothing may reach the phone, but a
/// caseworker reads it, in a case opened out of sight.
/// </summary>
internal sealed partial class IntakeConversation
{
    private const string WroteWhileOptedOutReason = "wrote_while_opted_out";

    // This turn opened the case for a message written while opted out: the turn is finished (and its state kept) as one that
    // changed something.
    private bool _openedWhileOptedOut;

    /// <summary>
    /// After STOP, "please I need someone to know, they keep us in the house" got nothing (right: the number opted out) and
    /// opened nothing, so nobody read it. A message of more than three words, the words that work while opted out aside (START,
    /// HELP, the discreet word, STOP again: one word each, and handled before), now opens the case out of sight if none is
    /// open, with no hand-off and no reply: the host sends nothing until START, and a caseworker's reply is refused meanwhile.
    /// A short message ("hello", "are you there?") opens nothing, as while waiting until it is safe: it says no more than a
    /// person checking in. An urgent word in it makes the case Critical, as it did.
    /// </summary>
    private void OpenCaseIfWrittenWhileOptedOut()
    {
        if (!_saysMore || _caseOpen)
        {
            return;
        }

        // The reason says what the caseworker needs to know: the person opted out, so nothing can be sent until they send
        // START. "Wrote while it was not safe to answer" would say something the person did not say (also after the discreet
        // word: the conversation's status says that, and STOP is what holds her replies now).
        _state.WroteWhileOptedOut = _state.UrgentWord is null && !_state.Distressed;
        OpenCase();
        _openedWhileOptedOut = true;
    }

    /// <summary>
    /// A case opened after STOP for a person whose case was closed is a new case, as when they write again without STOP
    /// (<see cref="BeginAgain"/>): it was opened on the closed intake's state, so it got that intake's band and reasons, and
    /// every answer they had agreed to keep for the closed case was recorded on it again. The new intake is at its first
    /// question, the safety question when the language is known, which START asks (as after STOP on any intake); nothing is
    /// sent now.
    /// </summary>
    private void BeginAgainWhileOptedOut()
    {
        ForgetClosedCase();
        if (_language is not null)
        {
            _state.Step = _script.ResumeStepId;
        }
    }

    private TriageResult WithWroteWhileOptedOut(TriageResult triage) => WithReason(triage, _state.WroteWhileOptedOut, WroteWhileOptedOutReason);
}
