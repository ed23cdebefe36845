namespace Hotline.Api.Referrals;

/// <summary>Where a referral is in its life. Each step only follows the one before it.</summary>
public enum ReferralStatus
{
    Proposed,
    ConsentRecorded,
    Sent,
    Accepted,
    Declined,
    Completed,
    Withdrawn,
}

/// <summary>
/// The closed lists a referral is recorded in. Codes, not free text, wherever a partner or a statistic
/// reads the value: a code can never carry a name or a phone number.
/// </summary>
public static class ReferralCodes
{
    /// <summary>What a person's consent may cover. Nothing outside this list ever reaches a partner.</summary>
    public static IReadOnlyDictionary<string, string> SharedFields { get; } = new Dictionary<string, string>
    {
        ["language"] = "Language",
        ["nationality"] = "Nationality",
        ["region"] = "Region",
        ["indicators"] = "Indicators of forced labour",
        // The case view's word ("Low priority"): the partner's page reads "Priority" too, with the same value.
        ["urgency"] = "Priority",
        ["summary"] = "Summary written by the caseworker",
        ["contact_route"] = "How the partner may reach the person",
        // Says what goes with the copies: the time each was taken goes with "photos" (without the phone's UTC offset, which can
        // name a country), the position and that offset only with "location" (docs/evidence.md, "Shared with a partner").
        ["photos"] = "Photos the person sent (copies without metadata, with the date and time each was taken)",
        ["location"] = "Where the photos were taken (GPS position, and the phone's time zone)",
    };

    /// <summary>The shared fields about the photos the person sent: a case without a photo has nothing for them to cover.</summary>
    public static IReadOnlyList<string> PhotoFields { get; } = ["photos", "location"];

    /// <summary>What a consent can cover on a case: every shared field, less the photo fields when the case has no photo to share.</summary>
    public static IReadOnlyDictionary<string, string> SharedFieldsFor(bool hasPhotoToShare) => hasPhotoToShare
        ? SharedFields
        : SharedFields.Where(f => !PhotoFields.Contains(f.Key)).ToDictionary();

    public static IReadOnlyDictionary<string, string> ConsentGivers { get; } = new Dictionary<string, string>
    {
        ["person"] = "The person themself",
        ["guardian"] = "A parent or guardian",
        ["representative"] = "A legal representative",
    };

    public static IReadOnlyDictionary<string, string> ConsentChannels { get; } = new Dictionary<string, string>
    {
        ["sms"] = "SMS",
        ["whatsapp"] = "WhatsApp",
        ["chat"] = "Web chat",
        ["phone_call"] = "Phone call",
        ["in_person"] = "In person",
    };

    /// <summary>The contact route that needs the hotline to pass messages, so it leads nowhere once the hotline closed the case.</summary>
    public const string ThroughHotline = "through_hotline";

    /// <summary>How a partner may get in touch: never a number or an address, only through whom.</summary>
    public static IReadOnlyDictionary<string, string> ContactRoutes { get; } = new Dictionary<string, string>
    {
        [ThroughHotline] = "Through the hotline caseworker",
        ["person_contacts_partner"] = "The person will contact the partner",
    };

    public static IReadOnlyDictionary<string, string> DeclineReasons { get; } = new Dictionary<string, string>
    {
        ["no_capacity"] = "No capacity",
        ["out_of_scope"] = "Outside what we do",
        ["not_in_region"] = "Not in our region",
        ["language"] = "Cannot serve the language",
        ["other"] = "Other",
    };

    public static IReadOnlyDictionary<string, string> Outcomes { get; } = new Dictionary<string, string>
    {
        ["supported"] = "Supported",
        ["sheltered"] = "Sheltered",
        ["legal_assistance"] = "Legal assistance given",
        ["medical_care"] = "Medical care given",
        ["repatriated"] = "Repatriated",
        ["lost_contact"] = "Lost contact",
        ["other"] = "Other",
    };

    public const int MaxSummaryLength = 4_000;
    public const int MaxOutcomeNoteLength = 2_000;
}
