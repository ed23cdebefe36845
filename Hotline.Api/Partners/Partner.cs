namespace Hotline.Api.Partners;

/// <summary>
/// A partner organisation in the directory: what it offers, in which languages and regions, and how the
/// hotline reaches it. Nothing here is about a victim; the contact is the organisation's own.
/// </summary>
public sealed record Partner
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyList<string> Services { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    public bool Active { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }

    public bool Offers(string service) => Services.Contains(service, StringComparer.Ordinal);
}

/// <summary>The kinds of help a partner gives, as stable codes (the console words them).</summary>
public static class PartnerServices
{
    public const string Shelter = "shelter";
    public const string LegalAid = "legal_aid";
    public const string Medical = "medical";
    public const string Psychosocial = "psychosocial";
    public const string RepatriationOrEmbassy = "repatriation_embassy";
    public const string LabourInspection = "labour_inspection";

    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [Shelter] = "Shelter",
        [LegalAid] = "Legal aid",
        [Medical] = "Medical care",
        [Psychosocial] = "Psychosocial support",
        [RepatriationOrEmbassy] = "Repatriation or embassy",
        [LabourInspection] = "Labour inspection",
    };

    public static bool IsKnown(string code) => Labels.ContainsKey(code);
}

/// <summary>The row as stored: lists are JSON arrays in text columns.</summary>
internal sealed record PartnerRow
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Services { get; init; } = "[]";
    public string Languages { get; init; } = "[]";
    public string Regions { get; init; } = "[]";
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    public bool Active { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }

    public Partner ToPartner() => new()
    {
        Id = Id,
        Name = Name,
        Services = List(Services),
        Languages = List(Languages),
        Regions = List(Regions),
        ContactName = ContactName,
        ContactEmail = ContactEmail,
        ContactPhone = ContactPhone,
        Active = Active,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        Version = Version,
    };

    public static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    private static List<string> List(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
