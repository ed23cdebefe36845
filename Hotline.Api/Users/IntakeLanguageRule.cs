using Hotline.Bot.Intake.Scripts;

namespace Hotline.Api.Users;

/// <summary>
/// Which languages an account or a partner may list: the intake's own. A caseworker in a language no person can choose
/// would never see a case of their own, and a partner in one would never be offered for a referral, so both forms meet
/// this one rule.
/// </summary>
public sealed partial class IntakeLanguageRule(IntakeScript script)
{
    public const string TagRule = "Languages are BCP-47 tags such as en, ar, ne, fil.";

    /// <summary>Why <paramref name="languages"/> cannot be listed, or null when every one is a language of the intake (none is fine).</summary>
    public string? Refusal(IReadOnlyList<string> languages) => languages switch
    {
        _ when languages.Any(l => !LanguagePattern().IsMatch(l)) => TagRule,
        _ when languages.FirstOrDefault(l => !script.Languages.Any(s => string.Equals(s.Tag, l, StringComparison.OrdinalIgnoreCase))) is { } unknown =>
            $"'{unknown}' is not a language of the intake; choose from {string.Join(", ", script.Languages.Select(s => s.Tag))}.",
        _ => null,
    };

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguagePattern();
}
