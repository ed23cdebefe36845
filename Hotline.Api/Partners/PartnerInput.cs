namespace Hotline.Api.Partners;

/// <summary>What an admin sends to create or change a partner. <see cref="Version"/> is the version the editor read (changes only).</summary>
public sealed record PartnerInput(
    string? Name,
    IReadOnlyList<string>? Services,
    IReadOnlyList<string>? Languages,
    IReadOnlyList<string>? Regions,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone,
    bool? Active,
    int? Version);

/// <summary>
/// Checks a <see cref="PartnerInput"/> at the edge: a refusal names the field and what it must be. Languages meet the
/// accounts' rule (<see cref="IntakeLanguageRule"/>): a partner is offered for a case's language, always one of the intake's.
/// </summary>
public static partial class PartnerValidation
{
    public const int MaxListItems = 50;

    public static (PartnerInput? Valid, string? Error) Check(PartnerInput input, IntakeLanguageRule intakeLanguages)
    {
        var name = input.Name?.Trim() ?? "";
        var services = Clean(input.Services);
        var languages = Clean(input.Languages).Select(l => l.ToLowerInvariant()).Distinct().ToList();
        var regions = Clean(input.Regions);
        var error = name switch
        {
            _ when name.Length is 0 or > 200 => "The name must have 1 to 200 characters.",
            _ when services.Count == 0 => "Choose at least one service.",
            _ when services.FirstOrDefault(s => !PartnerServices.IsKnown(s)) is { } unknown =>
                $"Unknown service '{unknown}'; services are {string.Join(", ", PartnerServices.Labels.Keys)}.",
            _ when intakeLanguages.Refusal(languages) is { } refusal => refusal,
            _ when regions.Any(r => r.Length > 100) => "A region has at most 100 characters.",
            _ when new[] { services.Count, languages.Count, regions.Count }.Any(c => c > MaxListItems) => $"A list has at most {MaxListItems} items.",
            _ when Too(input.ContactName, 200) || Too(input.ContactEmail, 200) || Too(input.ContactPhone, 50) =>
                "The contact name and e-mail have at most 200 characters, the phone at most 50.",
            _ when !string.IsNullOrWhiteSpace(input.ContactEmail) && !EmailPattern().IsMatch(input.ContactEmail.Trim()) => "The contact e-mail is not an address.",
            _ => null,
        };
        return error is not null
            ? (null, error)
            : (input with
            {
                Name = name,
                Services = services,
                Languages = languages,
                Regions = regions,
                ContactName = Blank(input.ContactName),
                ContactEmail = Blank(input.ContactEmail),
                ContactPhone = Blank(input.ContactPhone),
            }, null);
    }

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static bool Too(string? value, int max) => value is not null && value.Trim().Length > max;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
