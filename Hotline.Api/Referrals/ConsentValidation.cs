namespace Hotline.Api.Referrals;

/// <summary>A consent as it will be stored: every detail present exactly when the consent covers it.</summary>
public sealed record CheckedConsent(
    string GivenBy,
    string Channel,
    DateTimeOffset GivenAt,
    IReadOnlyList<string> SharedFields,
    string? Summary,
    string? Nationality,
    string? Region,
    string? ContactRoute);

public static partial class ConsentValidation
{
    /// <summary>Clocks differ a little between a caseworker's machine and the server; more than this is a mistake.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Checks a consent at the edge. A detail the consent does not cover is refused rather than dropped, so a
    /// caseworker never believes something was shared that was not, or the reverse.
    /// </summary>
    public static (CheckedConsent? Consent, string? Error) Check(RecordConsent input, DateTimeOffset caseOpenedAt, DateTimeOffset now)
    {
        var fields = (input.SharedFields ?? []).Select(f => f?.Trim() ?? "").ToList();
        var givenAt = input.GivenAt ?? now;
        var summary = Blank(input.Summary);
        var nationality = Blank(input.Nationality)?.ToUpperInvariant();
        var region = Blank(input.Region);
        var route = Blank(input.ContactRoute);
        var error = input switch
        {
            _ when !ReferralCodes.ConsentGivers.ContainsKey(input.GivenBy ?? "") =>
                $"Say who gave consent: {string.Join(", ", ReferralCodes.ConsentGivers.Keys)}.",
            _ when !ReferralCodes.ConsentChannels.ContainsKey(input.Channel ?? "") =>
                $"Say through which channel consent was given: {string.Join(", ", ReferralCodes.ConsentChannels.Keys)}.",
            _ when givenAt > now + ClockSkew => "Consent cannot have been given in the future.",
            _ when givenAt < caseOpenedAt - ClockSkew => "Consent cannot have been given before the case was opened.",
            _ when fields.FirstOrDefault(f => !ReferralCodes.SharedFields.ContainsKey(f)) is { } unknown =>
                $"'{unknown}' is not something a consent can cover; choose from {string.Join(", ", ReferralCodes.SharedFields.Keys)}.",
            _ when fields.Distinct().Count() != fields.Count => "Name each shared field once.",
            _ when fields.Contains("location") && !fields.Contains("photos") =>
                $"{Box("location")} is about the photos: tick {Box("photos")} too, or untick {Box("location")}.",
            _ => Detail("summary", fields, summary, "the summary for the partner")
                ?? Detail("nationality", fields, nationality, "the nationality")
                ?? Detail("region", fields, region, "the region")
                ?? Detail("contact_route", fields, route, "the contact route"),
        };
        error ??= summary is { Length: > ReferralCodes.MaxSummaryLength } ? $"The summary has at most {ReferralCodes.MaxSummaryLength} characters."
            : nationality is not null && !CountryCode().IsMatch(nationality) ? "The nationality is a two-letter country code such as NP, PH or ET."
            : region is { Length: > 100 } ? "The region has at most 100 characters."
            : route is not null && !ReferralCodes.ContactRoutes.ContainsKey(route)
                ? $"The contact route is one of {string.Join(", ", ReferralCodes.ContactRoutes.Keys)}."
            : null;
        return error is not null
            ? (null, error)
            : (new CheckedConsent(input.GivenBy!, input.Channel!, givenAt, fields, summary, nationality, region, route), null);
    }

    /// <summary>Why a consent that covers the photos is refused on a case with no photo to share: what to untick, as the form reads.</summary>
    public static string NoPhotoToShare(IReadOnlyList<string> fields) =>
        $"No photo of this case can be shared (none the person sent before consent was given has a copy without metadata): untick {string.Join(" and ", ReferralCodes.PhotoFields.Where(fields.Contains).Select(Box))}.";

    /// <summary>A refusal names a detail as the caseworker's consent form does (its box), never by the code the form sends.</summary>
    private static string? Detail(string field, List<string> fields, string? value, string what) =>
        (fields.Contains(field), value is not null) switch
        {
            (true, false) => $"The consent covers {Box(field)}: give {what}, or untick {Box(field)}.",
            (false, true) => $"The consent does not cover {Box(field)}: leave out {what}, or tick {Box(field)}.",
            _ => null,
        };

    /// <summary>The label of a shared field's box in the consent form, quoted.</summary>
    private static string Box(string field) => $"\"{ReferralCodes.SharedFields[field]}\"";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
