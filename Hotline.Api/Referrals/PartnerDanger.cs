namespace Hotline.Api.Referrals;

/// <summary>
/// Whether the priority a partner reads says anything about danger, by the rule the case view reads it with (the console's
/// case-render.js): a case whose only triage reasons say how the person came to the hotline, not what they answered (asked
/// for a person, the discreet word, wrote while it was not safe or after STOP; or how the hotline failed them: a reply that
/// could not be sent, an engine fault's hand-off, each High so that someone reads it soon), and which kept no intake answer, is "Danger
/// unknown" there, or "Danger not on record" when the person did not agree to have their answers saved. Its band (Low, say)
/// was never an assessment: read alone as "Urgency Low", a partner took it for one.
/// </summary>
public static class PartnerDanger
{
    public const string Unknown = "unknown";
    public const string NotOnRecord = "not_on_record";

    private static readonly HashSet<string> NotAFinding =
        new(["asked_for_person", "discreet_word", "wrote_while_not_safe", "wrote_while_opted_out", Outbox.FailedReplyCases.Reason, IntakeHost.EngineFaultHandoff.Reason],
            StringComparer.Ordinal);

    /// <summary><see cref="Unknown"/>, <see cref="NotOnRecord"/>, or null where the band rests on what the person answered.</summary>
    public static string? Of(string triageReasonsJson, IReadOnlyList<CaseEvent> caseEvents, bool answersDeclined)
    {
        var reasons = JsonSerializer.Deserialize<List<string>>(triageReasonsJson) ?? [];
        return reasons.All(NotAFinding.Contains) && !caseEvents.Any(e => e.Type == CaseEventTypes.AnswerRecorded)
            ? answersDeclined ? NotOnRecord : Unknown
            : null;
    }
}
