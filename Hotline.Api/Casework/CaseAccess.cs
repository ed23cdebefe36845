namespace Hotline.Api.Casework;

/// <summary>
/// Who may see a case: supervisors all; a caseworker the cases in a language they speak and
/// any case assigned to them or whose language is not known yet; an admin and an NGO partner none (referrals reach partners through their own views).
/// </summary>
public static class CaseAccess
{
    public static bool SeesAll(User user) => user.Role is UserRole.Supervisor;

    /// <summary>Whether the account works on cases at all (the CaseData policy's roles): the only accounts a case may be handed to.</summary>
    public static bool WorksOnCases(User user) => user.Role is UserRole.Caseworker or UserRole.Supervisor;

    public static bool MaySee(User user, CaseSummary summary) => user.Role switch
    {
        UserRole.Supervisor => true,
        UserRole.Caseworker => summary.AssigneeId == user.Id || summary.Language == NewCase.UnknownLanguage
            || user.Languages.Contains(summary.Language, StringComparer.OrdinalIgnoreCase),
        _ => false,
    };
}
