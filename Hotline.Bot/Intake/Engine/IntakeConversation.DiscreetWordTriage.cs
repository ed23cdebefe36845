namespace Hotline.Bot.Intake.Engine;

/// <summary>The discreet word in the case's triage: a sign that someone else reads or holds the person's phone.</summary>
internal sealed partial class IntakeConversation
{
    private const string DiscreetWordTriageReason = "discreet_word";

    // Points of the discreet word: what one strong indicator weighs (documents retained is 20, wages withheld 15), so that
    // with no answer at all the case is Medium, and with an indicator answered it rises as any second indicator would.
    private const int DiscreetWordPoints = 15;

    /// <summary>
    /// The discreet word says the person is likely near someone who reads their phone: control of communication, which the
    /// intake cannot ask about while it is not safe to write. Before, a case opened by it, or by "he is watching, I need help,
    /// he took my passport" written after it, was Low with score 0 and waited behind every Medium case. The case counts it
    /// (reason <c>discreet_word</c>, 15 points, at least Medium) for the rest of the case, a later "yes" to the safety
    /// question included; a case open already is raised in the same turn (<see cref="PriorityChanged"/>, an event: nothing of
    /// it reaches the phone).
    /// </summary>
    private void RaiseForDiscreetWord()
    {
        if (_state.UsedDiscreetWord)
        {
            return;
        }

        var before = _caseOpen ? Evaluate() : null;
        _state.UsedDiscreetWord = true;
        if (before is not null && Evaluate() is var after && !after.SameAs(before))
        {
            _events.RemoveAll(e => e is PriorityChanged);
            _events.Add(new PriorityChanged(after.Band, after.Score, after.Reasons));
        }
    }

    private TriageResult WithDiscreetWord(TriageResult triage)
    {
        if (!_state.UsedDiscreetWord)
        {
            return triage;
        }

        var score = triage.Score + DiscreetWordPoints;
        var band = (PriorityBand)Math.Max(Math.Max((int)triage.Band, (int)_engine.Triage.BandFor(score)), (int)PriorityBand.Medium);
        return new TriageResult(band, score, [DiscreetWordTriageReason, .. triage.Reasons], triage.Indicators);
    }
}
