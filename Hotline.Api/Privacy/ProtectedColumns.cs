namespace Hotline.Api.Privacy;

/// <summary>
/// Every column that holds encrypted personal data. A new encrypted column is added here, written and read through
/// <see cref="FieldProtector"/> with its row's id, and given to <see cref="KeyRotation"/> so that <c>keys rotate</c> reaches it.
/// </summary>
public static class ProtectedColumns
{
    public static readonly ProtectedColumn ConversationAddress = new("Conversations", "Address", "AddressCipher");
    public static readonly ProtectedColumn ConversationEngineState = new("Conversations", "EngineState", "EngineStateCipher");
    public static readonly ProtectedColumn MessageBody = new("Messages", "Body", "BodyCipher");
    public static readonly ProtectedColumn MessageMedia = new("Messages", "Media", "MediaCipher");
    public static readonly ProtectedColumn MediaItemSource = new("MediaItems", "Source", "SourceCipher");
    public static readonly ProtectedColumn MediaItemEvidence = new("MediaItems", "Evidence", "EvidenceCipher");
    public static readonly ProtectedColumn CaseNoteBody = new("CaseNotes", "Body", "BodyCipher");
    public static readonly ProtectedColumn ChatRouteBotConversationId = new("ChatRoutes", "BotConversationId", "BotConversationIdCipher");
    public static readonly ProtectedColumn ChatRouteUserId = new("ChatRoutes", "UserId", "UserIdCipher");
    public static readonly ProtectedColumn ChatRouteUserName = new("ChatRoutes", "UserName", "UserNameCipher");
    public static readonly ProtectedColumn ChatRouteReplyToId = new("ChatRoutes", "ReplyToId", "ReplyToIdCipher");
    public static readonly ProtectedColumn ReferralSummary = new("Referrals", "Summary", "SummaryCipher");
    public static readonly ProtectedColumn ReferralOutcomeNote = new("Referrals", "OutcomeNote", "OutcomeNoteCipher");
    public static readonly ProtectedColumn ReferralRegion = new("Referrals", "Region", "RegionCipher");
    public static readonly ProtectedColumn UserTotpSecret = new("Users", "TotpSecret", "TotpSecret");

    /// <summary>An element of the session key ring (<c>SessionKeys</c>): no personal data, but the keys that seal every session.</summary>
    public static readonly ProtectedColumn DataProtectionKeyXml = new("DataProtectionKeys", "Xml", "XmlCipher");

    /// <summary>A free-text intake answer, kept as <c>TextCipher</c> inside an <c>AnswerRecorded</c> case event's data.</summary>
    public static readonly ProtectedColumn CaseEventAnswerText = new("CaseEvents", "AnswerText", "Data");

    /// <summary>
    /// An answer is sealed before its case event is appended, and the event's sequence number is the database's to give,
    /// so the answer is bound to its case and intake step instead: it does not decrypt in another case or as another answer.
    /// </summary>
    public static ProtectedCell AnswerTextOf(Guid caseId, string stepId) => new(CaseEventAnswerText, $"{caseId:D}/{stepId}");
}
