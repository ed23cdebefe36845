namespace Hotline.Api.CaseStore;

/// <summary>Event types, in the past tense: each names a change that has happened.</summary>
public static class CaseEventTypes
{
    public const string Queued = "CaseQueued";
    public const string Claimed = "CaseClaimed";
    public const string LeaseExtended = "LeaseExtended";
    public const string Released = "CaseReleased";
    public const string LeaseExpired = "LeaseExpired";
    public const string Closed = "CaseClosed";
    public const string Transferred = "CaseTransferred";
    public const string TakenOver = "CaseTakenOver";

    /// <summary>The person chose a language after their case opened without one: it moved from <c>und</c> to that language's caseworkers.</summary>
    public const string LanguageLearned = "CaseLanguageLearned";
    public const string NoteAdded = "NoteAdded";
    public const string PriorityChanged = "PriorityChanged";
    public const string MessageReceived = "MessageReceived";
    public const string ReplyQueued = "ReplyQueued";
    public const string MessageStatusChanged = "MessageStatusChanged";
    public const string HandoffRequested = "HandoffRequested";
    public const string AnswerRecorded = "AnswerRecorded";
    public const string IntakeProgressed = "IntakeProgressed";
    public const string IntakeEnded = "IntakeEnded";
    public const string UrgentWordMatched = "UrgentWordMatched";
    public const string ConversationStatusChanged = "ConversationStatusChanged";
    public const string ReferralProposed = "ReferralProposed";
    public const string ReferralConsentRecorded = "ReferralConsentRecorded";
    public const string ReferralSent = "ReferralSent";
    public const string ReferralAccepted = "ReferralAccepted";
    public const string ReferralDeclined = "ReferralDeclined";
    public const string ReferralCompleted = "ReferralCompleted";
    public const string ReferralWithdrawn = "ReferralWithdrawn";
}
