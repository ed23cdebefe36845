namespace Hotline.Bot.Triage;

/// <summary>The ILO indicators of forced labour (ILO, 2012). Triage rules name them by their snake_case code.</summary>
public enum IloIndicator
{
    AbuseOfVulnerability,
    Deception,
    RestrictionOfMovement,
    Isolation,
    PhysicalAndSexualViolence,
    IntimidationAndThreats,
    RetentionOfIdentityDocuments,
    WithholdingOfWages,
    DebtBondage,
    AbusiveWorkingAndLivingConditions,
    ExcessiveOvertime,
}

/// <summary>The stable codes of <see cref="IloIndicator"/>: written out rather than derived from the enum names,
/// so renaming a member can never change what a stored rule or report means.</summary>
public static class IloIndicators
{
    private static readonly string[] Codes =
    [
        "abuse_of_vulnerability",
        "deception",
        "restriction_of_movement",
        "isolation",
        "physical_and_sexual_violence",
        "intimidation_and_threats",
        "retention_of_identity_documents",
        "withholding_of_wages",
        "debt_bondage",
        "abusive_working_and_living_conditions",
        "excessive_overtime",
    ];

    public static IReadOnlyList<IloIndicator> All { get; } = Enum.GetValues<IloIndicator>();

    public static string Code(this IloIndicator indicator) => Codes[(int)indicator];

    public static bool TryParse(string? code, out IloIndicator indicator)
    {
        var index = Array.IndexOf(Codes, code);
        indicator = index < 0 ? default : (IloIndicator)index;
        return index >= 0;
    }
}
