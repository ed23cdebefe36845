using Hotline.Api.Translations;
using Hotline.Bot.CannedReplies;

namespace Hotline.Api.Casework;

public static class CannedReplyEndpoints
{
    /// <summary>One reply as the console offers it. <paramref name="Language"/> is the language of the text, which is
    /// English when the worker's language has no canned replies; <paramref name="Reviewed"/> false means the wording is a
    /// machine draft no native speaker has checked.</summary>
    public sealed record CannedReplyView(string Id, string Title, string Language, string Text, bool Reviewed);

    public static IEndpointRouteBuilder MapCannedReplyEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Casework").RequireAuthorization(Policies.CaseData).AddEndpointFilter<AntiforgeryFilter>();
        api.MapGet("/canned-replies", GetCannedReplies).WithName("GetCannedReplies").WithSummary("The canned replies a caseworker can start a reply from, in every intake language.");
        return app;
    }

    /// <summary>The canned replies in the worker's language (a tag such as "ne", "hi-IN" or "fil_PH"), falling back to
    /// English for a language that has none; as corrected on the translation review page.</summary>
    public static async Task<Results<Ok<IReadOnlyList<CannedReplyView>>, ProblemHttpResult>> GetCannedReplies(string? language, Database database,
        TranslationBooks books, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return TypedResults.Problem(detail: "language is required: the worker's language tag, such as ne, hi-IN or fil.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (!CannedReplyCatalog.IsLanguageTag(language))
        {
            return TypedResults.Problem(detail: "language must be a language tag of 2 or 3 letters with optional subtags, such as ne, hi-IN or fil.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        await using var session = await database.OpenAsync(cancellationToken);
        var catalog = (await books.CurrentAsync(session, cancellationToken)).Replies;
        IReadOnlyList<CannedReplyView> replies = catalog.For(language)
            .Select(r => new CannedReplyView(r.Id, r.Title, r.Language, r.Text, r.Reviewed)).ToList();
        return TypedResults.Ok(replies);
    }
}
