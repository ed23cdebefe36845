namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// Sooner to a human: the case is queued early and the intake enriches it while it waits (progress and the end
/// of the intake are events the host shows), and an urgent word makes it Critical at once.
/// </summary>
internal sealed partial class IntakeConversation
{
    private const string UrgentReason = "urgent_word";
    private const string UrgentTriageReason = "urgent_word";
    private const string IntakeCompleteReason = "intake_complete";

    /// <summary>The case is queued by the answer that makes this many after the language is known, if it is safe to write.</summary>
    public const int MaxExchangesBeforeQueued = 3;

    // Points of an urgent word: as many as immediate danger, so the band is Critical whatever the answers.
    private const int UrgentPoints = 100;

    private const string DistressTriageReason = "distress_word";

    // Points of a distress word: as many as an urgent word, and the band Critical as for one: the phone was told to call the
    // emergency number now, so the queue takes it as the emergency the reply named (docs/intake/triage.md).
    private const int DistressPoints = 100;

    private WordMatch? _urgent;
    private bool _urgentIsNew;

    /// <summary>
    /// Looks for an urgent word, also after the discreet word: raising the case and handing it to a person send nothing to
    /// the phone, and a false alarm (someone else writing) costs a caseworker a look. The triage counts it from this turn
    /// on; <see cref="Escalate"/> acts on it when the turn finishes.
    /// </summary>
    private void NoticeUrgentWord(string text)
    {
        if (_engine.Urgent.Find(text, language: _language) is not { } match)
        {
            return;
        }

        _urgent = match;
        HearUrgentWordLanguage(match);

        _urgentIsNew = _state.UrgentWord is null;
        _state.UrgentWord ??= match.Word;
    }

    /// <summary>
    /// Queues the case once the person has said it is safe to write and answered whether they are in danger and for
    /// consent, or at the latest at the third answer after the language is known: no one waits behind the script.
    /// </summary>
    private void QueueEarly()
    {
        var pastSafety = _state.Step != _script.ResumeStepId && _state.Step != _script.StartStep.Id;
        var consentAnswered = _script.ConsentStepId is { } consent && _state.AnswersOrEmpty.ContainsKey(consent);
        if (!_caseOpen && _state.Status == IntakeStatus.Active && pastSafety
            && (consentAnswered || _state.Exchanges >= MaxExchangesBeforeQueued))
        {
            OpenCase();
        }
    }

    /// <summary>
    /// An urgent word: Critical at once, a person asked for, which word matched recorded, and the emergency number
    /// told once, as the danger path does; never while opted out, nor once a caseworker has written, and only after the
    /// person says it is safe when the word came after the discreet word or "not safe".
    /// </summary>
    private void Escalate()
    {
        if (_urgent is null)
        {
            return;
        }

        if (_caseOpenedBefore && _urgentIsNew)
        {
            // The case was queued before this turn; the triage it carries now counts the word.
            _events.RemoveAll(e => e is PriorityChanged);
            var triage = Evaluate();
            _events.Add(new PriorityChanged(triage.Band, triage.Score, triage.Reasons));
        }

        RequestHandoff(UrgentReason);
        _events.Add(new UrgentWordMatched(_urgent.Word, _urgent.Language));
        if (_urgentIsNew)
        {
            TellNumberForDanger();
        }
    }

    /// <summary>
    /// The emergency number for a word of danger (urgent, or a cry once the case is a person's): first in the turn's replies
    /// where it is safe to tell it, with the reply to their "yes" where it is not yet; never while opted out, nor beside a
    /// caseworker who has written (she answers).
    /// </summary>
    private void TellNumberForDanger()
    {
        if (_snapshot.OptedOut || _snapshot.CaseworkerHasWritten)
        {
            return;
        }

        if (_startedQuiet || NotYetSafe)
        {
            // Told with the reply to their "yes" (TellOwedNumber), not on a phone someone else may be reading.
            _state.NumberOwed = true;
        }
        else if (!_state.NumberTold && !_replies.Any(TellsEmergencyNumber))
        {
            // Once is enough: the danger path, a distress word or an earlier turn may have told it already.
            _replies.Insert(0, HandoffReply(MessageIds.Distress));
        }
    }

    /// <summary>
    /// A distress or urgent word came while it was not safe to answer it: once the person says it is safe, the number comes
    /// first, unless the turn tells it already; never beside a caseworker who has written (she answers).
    /// </summary>
    private void TellOwedNumber()
    {
        if (!_state.NumberOwed || NotYetSafe || _snapshot.OptedOut)
        {
            return;
        }

        _state.NumberOwed = false;
        if (!_snapshot.CaseworkerHasWritten && !_state.NumberTold && !_replies.Any(TellsEmergencyNumber))
        {
            _replies.Insert(0, HandoffReply(MessageIds.Distress));
        }
    }

    /// <summary>The hand-off's reply: with the emergency number when a cry came while it could not be told.</summary>
    private string OwedHandoffTextId() => _state.NumberOwed && !_state.NumberTold ? MessageIds.Distress : MessageIds.Person;

    private bool TellsEmergencyNumber(EngineReply reply) => reply.Text.Contains(_engine.Options.EmergencyNumber, StringComparison.Ordinal);

    /// <summary>While the case waits, says which question the intake asks now, and when it asks no more.</summary>
    private void ReportProgress()
    {
        if (!_caseOpen)
        {
            return;
        }

        // Asking again whether it is safe to write, after a quiet spell, is not the intake going on; nor is the hand-off it
        // gives back once it is safe, an intake ending again.
        if (_state.AskingIfSafe || _handOffResumed)
        {
            return;
        }

        if (_state.Status == IntakeStatus.Active && (_state.Step != _startedStep || !_caseOpenedBefore || _startedStatus != IntakeStatus.Active))
        {
            var question = QuestionNumber(_state.Step);
            if (question > 0)
            {
                _events.Add(new IntakeProgressed(_state.Step, question, _script.Questions.Count));
            }
        }
        else if (_state.Status == IntakeStatus.HandedOff && _startedStatus != IntakeStatus.HandedOff)
        {
            _events.Add(new IntakeEnded(_endReason ?? IntakeCompleteReason, Unanswered()));
        }
    }

    private int QuestionNumber(string stepId)
    {
        for (var i = 0; i < _script.Questions.Count; i++)
        {
            if (_script.Questions[i].Id == stepId)
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>The recorded questions not answered, in script order; none without consent (nothing may be recorded).</summary>
    private IReadOnlyList<string> Unanswered() => Consented
        ? [.. _script.Questions.Where(q => q.Record && !q.GrantsConsent && !_state.AnswersOrEmpty.ContainsKey(q.Id)).Select(q => q.Id)]
        : [];

    /// <summary>
    /// A distress word counts in the triage from now on, Critical as an urgent word is: without it a cry for help with no
    /// answers yet waited as Low behind every case that had answered, and as High behind a Critical person who had answered
    /// danger "no", though the phone had been told to call the emergency number now. A case queued early changes band now: the intake still holds every answer it was
    /// triaged on, so the new triage only adds. So does a case a person has had, also while it is quiet or asks whether it is
    /// safe: the answers forgotten at a hand-off without consent left their triage behind (<see cref="IntakeState.Forgotten"/>),
    /// and a distress word makes any triage Critical, so nothing the case was given drops (before, such a case was not raised
    /// at all, and "sos" after the hand-off left a Low case Low while "police" made it Critical).
    /// </summary>
    private void RaiseForDistress()
    {
        if (_state.Distressed)
        {
            return;
        }

        var before = _caseOpen ? Evaluate() : null;
        _state.Distressed = true;
        if (before is not null && Evaluate() is var after && !after.SameAs(before))
        {
            _events.RemoveAll(e => e is PriorityChanged);
            _events.Add(new PriorityChanged(after.Band, after.Score, after.Reasons));
        }
    }

    /// <summary>
    /// The person asked for a person while the intake still asked: the case's reasons say so, after the others, with no points
    /// and the band unchanged (asking says nothing of danger). A case queued early gets it in the same turn; a case not yet
    /// queued is queued with it.
    /// </summary>
    private void AddAskedForPersonReason()
    {
        var before = _caseOpen ? Evaluate() : null;
        _state.AskedForPerson = true;
        if (before is not null && Evaluate() is var after && !after.SameAs(before))
        {
            _events.RemoveAll(e => e is PriorityChanged);
            _events.Add(new PriorityChanged(after.Band, after.Score, after.Reasons));
        }
    }

    private TriageResult WithAskedForPerson(TriageResult triage) => WithReason(triage, _state.AskedForPerson, AskedForPersonReason);

    /// <summary>A reason that says why the case is in the queue without weighing on its danger: no points, the band unchanged.</summary>
    private static TriageResult WithReason(TriageResult triage, bool applies, string reason) => applies
        ? new TriageResult(triage.Band, triage.Score, [.. triage.Reasons, reason], triage.Indicators)
        : triage;

    private TriageResult WithDistressWord(TriageResult triage) => _state.Distressed
        ? new TriageResult(PriorityBand.Critical, triage.Score + DistressPoints, [DistressTriageReason, .. triage.Reasons], triage.Indicators)
        : triage;

    private TriageResult WithUrgentWord(TriageResult triage) => _state.UrgentWord is null
        ? triage
        : new TriageResult(PriorityBand.Critical, triage.Score + UrgentPoints, [UrgentTriageReason, .. triage.Reasons], triage.Indicators);
}
