namespace Hotline.Api.Auth;

/// <summary>
/// Who may do what. Least privilege: the admin keeps accounts, partners, SIM cards and settings but reads no
/// case; a person who does both has a supervisor account too. A reviewer corrects translations and reads no case. NGO partners never reach case data: referrals
/// reach them through their own views.
/// </summary>
public static class Policies
{
    public const string CaseData = "CaseData";
    public const string Supervision = "Supervision";
    public const string Administration = "Administration";

    /// <summary>Reading and correcting the intake's translations: the admin, and the reviewer who does nothing else.</summary>
    public const string Translation = "Translation";

    /// <summary>
    /// The suppressed statistics: everyone who works on cases, the admin and partner organisations; not the reviewer, whose
    /// work is wording and who needs no counts of cases.
    /// </summary>
    public const string Statistics = "Statistics";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(CaseData, p => p.RequireRole(nameof(UserRole.Caseworker), nameof(UserRole.Supervisor)));
        options.AddPolicy(Supervision, p => p.RequireRole(nameof(UserRole.Supervisor)));
        options.AddPolicy(Administration, p => p.RequireRole(nameof(UserRole.Admin)));
        options.AddPolicy(Translation, p => p.RequireRole(nameof(UserRole.Admin), nameof(UserRole.Reviewer)));
        options.AddPolicy(Statistics, p => p.RequireRole(nameof(UserRole.Caseworker), nameof(UserRole.Supervisor), nameof(UserRole.Admin), nameof(UserRole.Ngo)));
    }
}
