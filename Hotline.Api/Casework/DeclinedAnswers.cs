using Hotline.Bot.Intake.Scripts;

namespace Hotline.Api.Casework;

/// <summary>
/// Whether the person did not agree to have their intake answers saved: their intake ended at the hand-off the consent
/// question leads to without a yes (a "no", or an answer unclear twice; in the default script, reason <c>no_consent</c>).
/// Such a case has no answers by the person's choice, and a caseworker, or a partner reading its indicators, must be able
/// to tell it from a case where nothing was answered. The triage the case was queued with stays: it is the case's priority,
/// not an answer.
/// </summary>
public sealed class DeclinedAnswers(IntakeScript script)
{
    private readonly HashSet<string> _reasons = ReasonsOf(script);

    public bool In(IEnumerable<CaseEvent> caseEvents) =>
        _reasons.Count > 0 && caseEvents.Any(e => e.Type == CaseEventTypes.IntakeEnded && _reasons.Contains(ReasonOf(e)));

    /// <summary>The reasons of the hand-off steps the consent question's "no" and "unclear" branches reach.</summary>
    private static HashSet<string> ReasonsOf(IntakeScript script)
    {
        var consent = script.FindStep(script.ConsentStepId);
        return consent is null ? [] : [.. new[] { consent.OnNo, consent.OnUnknown }
            .Select(script.FindStep).OfType<ScriptStep>().Where(s => s.Kind == StepKind.Handoff).Select(s => s.Reason).OfType<string>()];
    }

    private static string ReasonOf(CaseEvent caseEvent)
    {
        using var data = JsonDocument.Parse(caseEvent.Data);
        return data.RootElement.TryGetProperty("Reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() ?? "" : "";
    }
}
