using Hotline.Bot.Intake.Scripts;

namespace Hotline.Api.Users;

/// <summary>What an account may be: a name, languages of the intake, and always one enabled admin. The command line and the admin's page meet the same rules here.</summary>
public sealed partial class AccountRules(IntakeScript script)
{
    public const string NameRule = "The name must be 1 to 100 letters, digits, '.', '_', '-' or '@'.";

    public static string? NameRefusal(string userName) => UserNamePattern().IsMatch(userName) ? null : NameRule;

    public string? LanguageRefusal(UserRole role, IReadOnlyList<string> languages) => languages switch
    {
        _ when role != UserRole.Ngo && languages.Count == 0 => "A caseworker, supervisor, reviewer or admin needs at least one language (--languages en,ar).",
        _ when languages.Any(l => !LanguagePattern().IsMatch(l)) => "Languages are BCP-47 tags such as en, ar, ne, fil.",
        // A caseworker in a language no person can choose would never see a case of their own.
        _ when languages.FirstOrDefault(l => !script.Languages.Any(s => string.Equals(s.Tag, l, StringComparison.OrdinalIgnoreCase))) is { } unknown =>
            $"'{unknown}' is not a language of the intake; choose from {string.Join(", ", script.Languages.Select(s => s.Tag))}.",
        _ => null,
    };

    public const string RoleRule = "The role must be caseworker, supervisor, ngo, admin or reviewer.";

    /// <summary>A role by its name in any case; a number is not a role name.</summary>
    public static UserRole? ParseRole(string? role) =>
        role is not null && !int.TryParse(role, out _) && Enum.TryParse<UserRole>(role, ignoreCase: true, out var parsed) ? parsed : null;

    public static bool IsLastEnabledAdmin(User user, IReadOnlyList<User> all) =>
        user is { Role: UserRole.Admin, Disabled: false } && all.Count(u => u is { Role: UserRole.Admin, Disabled: false }) == 1;

    public static List<string> Normalised(IReadOnlyList<string> languages) => languages.Select(l => l.ToLowerInvariant()).Distinct().ToList();

    [GeneratedRegex(@"^[A-Za-z0-9._@-]{1,100}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguagePattern();
}
