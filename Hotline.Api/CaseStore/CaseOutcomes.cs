namespace Hotline.Api.CaseStore;

/// <summary>
/// How a case ended, as a fixed code: statistics count the codes, and a code never carries what a person said.
/// Whatever a caseworker wants to add in their own words goes into an encrypted case note, never into the outcome.
/// </summary>
public static class CaseOutcomes
{
    public const string Referred = "referred";
    public const string Other = "other";

    /// <summary>Set by erasure, never chosen: nobody could answer the case once its person was erased.</summary>
    public const string Erased = "erased";

    /// <summary>The codes a caseworker chooses from, in the close dialog's order, with the label a person reads.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Choices =
    [
        (Referred, "Referred to a partner"),
        ("resolved", "Resolved by the hotline"),
        ("no_contact", "No contact"),
        ("declined_help", "Declined help"),
        ("not_trafficking", "Not trafficking or exploitation"),
        ("duplicate", "Duplicate"),
        (Other, "Other"),
    ];

    public static bool IsChoice(string code) => Choices.Any(choice => choice.Code == code);

    public static string LabelOf(string code) => Choices.FirstOrDefault(choice => choice.Code == code).Label ?? "Other";
}
