namespace Hotline.Api.Accountability;

/// <summary>
/// One thing to record: who (a user id, or one of <see cref="AuditActors"/>), did what (<see cref="AuditActions"/>),
/// to which subject (a case, user, partner, referral or import id; never a name, number or text), from
/// which address, with what outcome. The time is the database's, taken when the row is written.
/// </summary>
public sealed record AuditEntry(string Actor, string Action, string? Subject, string? ClientAddress, string Outcome)
{
    /// <summary>What the signed-in caller of a request (anonymous when none) did, from the connection's address.</summary>
    public static AuditEntry By(HttpContext context, string action, object? subject, string outcome = AuditOutcomes.Succeeded) =>
        AuditSource.Of(context).Entry(action, subject, outcome);

    /// <summary>What the hotline itself, or the operator's command line, did.</summary>
    public static AuditEntry ByActor(string actor, string action, object? subject, string outcome = AuditOutcomes.Succeeded) =>
        new(actor, action, subject?.ToString(), null, outcome);
}

public static class AuditActors
{
    public const string System = "system";
    public const string Operator = "operator";
    public const string Twilio = "twilio";
    public const string Bot = "bot";
    public const string Anonymous = "anonymous";
}

public static class AuditOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Refused = "refused";
    public const string Failed = "failed";

    /// <summary>Succeeded for a 2xx answer, refused for any other.</summary>
    public static string Of(IResult result) =>
        (result is INestedHttpResult nested ? nested.Result : result) is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } ? Succeeded : Refused;
}

/// <summary>The action codes, one per kind of read or change; docs/accountability.md lists what each covers.</summary>
public static class AuditActions
{
    public const string CaseOpened = "case.opened";
    public const string CaseFetched = "case.fetched";
    public const string CaseTakenOver = "case.taken-over";
    public const string ClosedCaseRead = "case.closed-read";
    public const string CaseReferralsRead = "case.referrals-read";
    public const string EarlierCasesRead = "case.earlier-read";
    public const string MediaViewed = "media.viewed";
    public const string MediaOriginalDownloaded = "media.original-downloaded";
    public const string StatisticsExported = "statistics.exported";
    public const string PartnerInboxRead = "partner-inbox.read";
    public const string PartnerInboxItemRead = "partner-inbox.item-read";
    public const string PartnerInboxPhotoRead = "partner-inbox.photo-read";
    public const string SignInSucceeded = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string SignInLockedOut = "signin.locked-out";
    public const string UserAdded = "user.added";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserAccessChanged = "user.access-changed";
    public const string UserPasswordReset = "user.password-reset";
    public const string UserPasswordChanged = "user.password-changed";
    public const string UserOrganisationChanged = "user.organisation-changed";
    public const string PartnerCreated = "partner.created";
    public const string PartnerUpdated = "partner.updated";
    public const string SimsImported = "sims.imported";
    public const string PersonErased = "person.erased";
    public const string RetentionSwept = "retention.swept";
    public const string KeysRotated = "keys.rotated";
    public const string AccessRefused = "access.refused";
    public const string AuditSearched = "audit.searched";
    public const string AuditExported = "audit.exported";
    public const string TranslationCorrected = "translation.corrected";
    public const string TranslationReviewed = "translation.reviewed";
}
