namespace Hotline.Api.Users;

/// <summary>What an account may be: a name, languages of the intake, and always one enabled admin. The command line and the admin's page meet the same rules here.</summary>
public sealed partial class AccountRules(IntakeLanguageRule intakeLanguages)
{
    public const string NameRule = "The name must be 1 to 100 letters, digits, '.', '_', '-' or '@'.";

    public static string? NameRefusal(string userName) => UserNamePattern().IsMatch(userName) ? null : NameRule;

    /// <summary>
    /// Worded for the web page and the command line alike, so it names no form field and no flag; the command line adds
    /// its flag (<see cref="Hosting.UserCommands"/>).
    /// </summary>
    public const string NoLanguageRule = "A caseworker, supervisor, reviewer or admin needs at least one language.";

    public string? LanguageRefusal(UserRole role, IReadOnlyList<string> languages) =>
        role != UserRole.Ngo && languages.Count == 0 ? NoLanguageRule : intakeLanguages.Refusal(languages);

    public const string RoleRule = "The role must be caseworker, supervisor, ngo, admin or reviewer.";

    /// <summary>A role by its name in any case; a number is not a role name.</summary>
    public static UserRole? ParseRole(string? role) =>
        role is not null && !int.TryParse(role, out _) && Enum.TryParse<UserRole>(role, ignoreCase: true, out var parsed) ? parsed : null;

    public static bool IsLastEnabledAdmin(User user, IReadOnlyList<User> all) =>
        user is { Role: UserRole.Admin, Disabled: false } && all.Count(u => u is { Role: UserRole.Admin, Disabled: false }) == 1;

    public static List<string> Normalised(IReadOnlyList<string> languages) => languages.Select(l => l.ToLowerInvariant()).Distinct().ToList();

    [GeneratedRegex(@"^[A-Za-z0-9._@-]{1,100}$")]
    private static partial Regex UserNamePattern();
}
