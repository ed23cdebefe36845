namespace Hotline.Api.Referrals;

/// <summary>A referral as stored, the summary and outcome note still encrypted.</summary>
public sealed record ReferralRecord
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public Guid PartnerId { get; init; }
    public string Service { get; init; } = "";
    public ReferralStatus Status { get; init; }
    public string? ConsentGivenBy { get; init; }
    public string? ConsentChannel { get; init; }
    public DateTimeOffset? ConsentGivenAt { get; init; }
    public string? SharedFields { get; init; }
    public string? SummaryCipher { get; init; }
    public string? Nationality { get; init; }
    /// <summary>Only in referrals whose consent was recorded before the region was encrypted (migration 0018).</summary>
    public string? Region { get; init; }
    public string? RegionCipher { get; init; }
    public string? ContactRoute { get; init; }
    public string? DeclineReason { get; init; }
    public string? Outcome { get; init; }
    public string? OutcomeNoteCipher { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public DateTimeOffset? RespondedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }

    public IReadOnlyList<string> Shared => SharedFields is null ? [] : JsonSerializer.Deserialize<List<string>>(SharedFields) ?? [];

    public bool Covers(string field) => Shared.Contains(field, StringComparer.Ordinal);
}

/// <summary>What a caseworker sees of a referral: everything, the summary decrypted.</summary>
/// <param name="PhotosShared">
/// Only with consent to 'photos': how many photos the partner receives (or will, once it is sent), as its inbox lists them;
/// 0 once withdrawn.
/// </param>
public sealed record ReferralView(
    Guid Id,
    Guid CaseId,
    Guid PartnerId,
    string PartnerName,
    string Service,
    string Status,
    ConsentView? Consent,
    string? DeclineReason,
    string? Outcome,
    string? OutcomeNote,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? CompletedAt,
    int Version,
    int? PhotosShared = null);

public sealed record ConsentView(
    string GivenBy,
    string Channel,
    DateTimeOffset GivenAt,
    IReadOnlyList<string> SharedFields,
    string? Summary,
    string? Nationality,
    string? Region,
    string? ContactRoute);

/// <summary>
/// What a partner sees of a referral made to it: the step it is at and, while consent stands, only the
/// fields the consent covers. Never a case id, a phone number, a name or a message.
/// </summary>
/// <param name="DetailsRemoved">
/// The hotline removed the referral's details (the person was erased at their request, or the case's content reached the end
/// of its retention): <c>Shared</c> is null, which does not mean the person agreed to share nothing.
/// </param>
/// <param name="HotlineClosedAt">
/// Only for a referral that tells the partner to reach the person through the hotline caseworker: when the hotline closed the
/// case. From then on nobody there can pass a message (the hotline never writes first), so the referral cannot be accepted.
/// </param>
public sealed record PartnerReferralView(
    Guid Id,
    string Service,
    string Status,
    DateTimeOffset SentAt,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? CompletedAt,
    string? DeclineReason,
    string? Outcome,
    string? OutcomeNote,
    SharedDetails? Shared,
    bool DetailsRemoved,
    DateTimeOffset? HotlineClosedAt);

/// <param name="AnswersDeclined">
/// Only with consent to 'indicators': the person did not agree to have their intake answers saved, so no indicator could be
/// recorded. An empty <c>Indicators</c> then means "not asked on record", never "none found".
/// </param>
/// <param name="Danger">
/// Only with consent to 'urgency': "unknown" (or "not_on_record", the person did not agree to have their answers saved) where the
/// case view reads "Danger unknown" ("Danger not on record"): the band rests on no answer about danger (<see cref="PartnerDanger"/>).
/// </param>
public sealed record SharedDetails(
    IReadOnlyList<string> Fields,
    string? Language,
    string? Nationality,
    string? Region,
    IReadOnlyList<string>? Indicators,
    string? Urgency,
    string? Summary,
    string? ContactRoute,
    IReadOnlyList<SharedPhoto>? Photos,
    bool AnswersDeclined = false,
    string? Danger = null);

/// <summary>
/// A photo as a partner receives it with consent to 'photos': served as the stripped copy (<c>Path</c>), with the
/// SHA-256 of the original the hotline keeps (so the two can be matched as evidence later) and the time the device's
/// clock gave it. Where it was taken only with consent to 'location' too. Never the device, never the original.
/// </summary>
public sealed record SharedPhoto(string Sha256, string Path, int? Width, int? Height, string? CapturedAt, SharedPlace? Place);

/// <summary>The GPS position a photo's file recorded (altitude in metres, when the file gives it).</summary>
public sealed record SharedPlace(double Latitude, double Longitude, double? Altitude);

/// <summary>A caseworker's request to refer a case.</summary>
/// <param name="RequestId">The console's id for this proposal: it becomes the referral's id, so a repeat answers with the referral it made.</param>
public sealed record ProposeReferral(Guid? PartnerId, string? Service, Guid? RequestId = null);

/// <summary>The person's consent as the caseworker records it. The details are given only where the consent covers them.</summary>
public sealed record RecordConsent(
    string? GivenBy,
    string? Channel,
    DateTimeOffset? GivenAt,
    IReadOnlyList<string>? SharedFields,
    string? Summary,
    string? Nationality,
    string? Region,
    string? ContactRoute);

public sealed record DeclineReferral(string? Reason);

public sealed record CompleteReferral(string? Outcome, string? Note);
