namespace Hotline.Api.Translations;

/// <summary>
/// One stored change to the shipped translations; its <see cref="Id"/> is the translation version it makes. An
/// <see cref="TranslationKinds.Intake"/> or <see cref="TranslationKinds.CannedReply"/> row replaces one text of one
/// language; a <see cref="TranslationKinds.Review"/> row marks the language reviewed. <see cref="ChangedBy"/> is the
/// account's user name, as the page shows who changed what.
/// </summary>
public sealed record TranslationRevision(long Id, string Language, string Kind, string? TextId, string? Text, string ChangedBy, DateTimeOffset ChangedAt);

public static class TranslationKinds
{
    /// <summary>A step's prompt or a message of the intake script.</summary>
    public const string Intake = "Intake";

    /// <summary>A ready-made reply a caseworker inserts.</summary>
    public const string CannedReply = "CannedReply";

    /// <summary>A native speaker has read every text of the language as it stands.</summary>
    public const string Review = "Review";

    /// <summary>The kind a page names in a path ("intake", "canned-reply"), or null for any other word.</summary>
    public static string? OfTextKind(string? kind) => kind switch
    {
        "intake" => Intake,
        "canned-reply" => CannedReply,
        _ => null,
    };
}
