using Hotline.Api.CaseHistory;
using Hotline.Api.Casework;

namespace Hotline.Api.Media;

/// <summary>
/// A case's attachments, served by the host itself (never a provider's link), to whoever may see the case,
/// with every read audited: the stripped copy for the case view, and the original, as it came, for a
/// supervisor to download as evidence. Neither is ever cached (<c>Cache-Control: no-store</c>).
/// </summary>
public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases/{caseId:guid}/media").WithTags("Evidence").RequireAuthorization(Policies.CaseData);
        cases.MapGet("/{mediaId:guid}", GetMediaView).WithName("GetCaseMediaView")
            .WithSummary("The copy of a photo that is shown: upright, re-encoded, with every metadata block stripped.");
        cases.MapGet("/{mediaId:guid}/original", GetMediaOriginal).WithName("GetCaseMediaOriginal")
            .WithSummary("The file as the person sent it, for a supervisor to keep as evidence.").RequireAuthorization(Policies.Supervision);
        return app;
    }

    public static Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> GetMediaView(
        Guid caseId, Guid mediaId, Caller caller, HttpContext context, Database database, CaseQueue queue, CaseReadModel read,
        MediaItemRepository items, MediaStore store, CaseHistoryReader history, AuditTrail audit, CancellationToken cancellationToken) =>
        ServeAsync(new MediaRequest(caseId, mediaId, MediaCopy.View, AuditActions.MediaViewed), caller, context, database, queue, read, items, store,
            history, audit, cancellationToken);

    public static Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> GetMediaOriginal(
        Guid caseId, Guid mediaId, Caller caller, HttpContext context, Database database, CaseQueue queue, CaseReadModel read,
        MediaItemRepository items, MediaStore store, CaseHistoryReader history, AuditTrail audit, CancellationToken cancellationToken) =>
        ServeAsync(new MediaRequest(caseId, mediaId, MediaCopy.Original, AuditActions.MediaOriginalDownloaded), caller, context, database, queue,
            read, items, store, history, audit, cancellationToken);

    /// <remarks>An open case's attachments go to whoever may see the case; a closed case's by the case history's rule.</remarks>
    private static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> ServeAsync(
        MediaRequest request, Caller caller, HttpContext context, Database database, CaseQueue queue, CaseReadModel read,
        MediaItemRepository items, MediaStore store, CaseHistoryReader history, AuditTrail audit, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        Results<FileContentHttpResult, NotFound, ForbidHttpResult> result;
        bool served;
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            var record = await queue.FindByIdAsync(session, request.CaseId, cancellationToken);
            var summary = record is null ? null : await read.ReadSummaryAsync(session, request.CaseId, cancellationToken);
            // Found through the case, not the person's conversation: another case of theirs may be one the caller may not read.
            var item = record is null ? null : await items.FindInCaseAsync(session, request.CaseId, request.MediaId, cancellationToken);
            var mayRead = summary is not null && (record!.Status == CaseStatus.Closed
                ? await history.MayReadClosedAsync(session, caller.User, record, cancellationToken)
                : CaseAccess.MaySee(caller.User, summary));
            var bytes = mayRead && item is { IsKept: true }
                ? await store.ReadAsync(item.ConversationId, item.Id, request.Copy, cancellationToken)
                : null;
            served = bytes is not null;
            result = summary is not null && !mayRead ? TypedResults.Forbid()
                : bytes is null ? TypedResults.NotFound()
                : request.Copy == MediaCopy.View ? TypedResults.File(bytes, "image/jpeg")
                : TypedResults.File(bytes, item!.ContentType ?? MediaTypes.Undeclared, $"evidence-{item.Sha256![..16]}{Extension(item.ContentType)}");
        }

        // A file result has no status code for AuditOutcomes.Of to read: whether bytes were served is the outcome.
        await audit.RecordAsync(AuditEntry.By(context, request.AuditAction, request.MediaId,
            served ? AuditOutcomes.Succeeded : AuditOutcomes.Refused), cancellationToken);
        return result;
    }

    private static string Extension(string? contentType) => contentType switch
    {
        MediaTypes.Jpeg => ".jpg",
        MediaTypes.Png => ".png",
        MediaTypes.Gif => ".gif",
        MediaTypes.WebP => ".webp",
        MediaTypes.Heic => ".heic",
        MediaTypes.Pdf => ".pdf",
        MediaTypes.Ogg => ".ogg",
        MediaTypes.Amr => ".amr",
        MediaTypes.Mp4Audio => ".m4a",
        _ => "",
    };

    private sealed record MediaRequest(Guid CaseId, Guid MediaId, MediaCopy Copy, string AuditAction);
}
