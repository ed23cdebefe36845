namespace Hotline.Api.Translations;

/// <summary>
/// The translation review page's API: every text of the intake and every canned reply beside the English, per
/// language; a correction; a language marked reviewed. For the admin and the reviewer, who read no case.
/// </summary>
public static class TranslationEndpoints
{
    public sealed record LanguageReview(string Tag, string Name, string EnglishName, bool Reviewed, string? ReviewedBy, DateTimeOffset? ReviewedAt);

    public sealed record TranslationOverview(long Version, string BaseLanguage, IReadOnlyList<LanguageReview> Languages);

    /// <summary>One text: <paramref name="Kind"/> is "intake" (a step's prompt or a message) or "canned-reply";
    /// <paramref name="Title"/> says what it is for; <paramref name="English"/> is the base language's text.</summary>
    public sealed record TranslatedText(string Kind, string Id, string Title, string English, string Text, string? ChangedBy, DateTimeOffset? ChangedAt);

    public sealed record LanguageTexts(long Version, LanguageReview Language, IReadOnlyList<TranslatedText> Texts);

    public sealed record TranslationEdit(string? Text);

    public static IEndpointRouteBuilder MapTranslationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/translations").WithTags("Translations").RequireAuthorization(Policies.Translation)
            .AddEndpointFilter<AntiforgeryFilter>();
        api.MapGet("", GetOverview).WithName("GetTranslationOverview").WithSummary("The translated languages of the intake and whether a native speaker has reviewed each.");
        api.MapGet("/{language}", GetLanguage).WithName("GetTranslations").WithSummary("Every intake text and canned reply of a language beside the English.");
        api.MapPut("/{language}/{kind}/{textId}", Correct).WithName("CorrectTranslation").WithSummary("Stores a corrected translation, checked as the shipped script is; new conversations use it at once.");
        api.MapPost("/{language}/review", MarkReviewed).WithName("MarkLanguageReviewed").WithSummary("Marks a language reviewed by a native speaker as its texts stand now.");
        return app;
    }

    public static async Task<Ok<TranslationOverview>> GetOverview(Database database, TranslationBooks books, CancellationToken cancellationToken)
    {
        var book = await CurrentAsync(database, books, cancellationToken);
        var script = book.Script;
        return TypedResults.Ok(new TranslationOverview(book.Version, script.BaseLanguage,
            script.Languages.Where(l => l.Tag != script.BaseLanguage).Select(l => ReviewOf(book, l.Tag)).ToList()));
    }

    public static async Task<Results<Ok<LanguageTexts>, NotFound>> GetLanguage(string language, Database database, TranslationBooks books,
        CancellationToken cancellationToken)
    {
        var book = await CurrentAsync(database, books, cancellationToken);
        var script = book.Script;
        if (language == script.BaseLanguage || script.FindLanguage(language) is null)
        {
            return TypedResults.NotFound();
        }

        var intake = script.TextIds.Select(id => Text(book, "intake", TranslationKinds.Intake, id, id, script.Text(script.BaseLanguage, id), script.Text(language, id), language));
        var english = book.Replies.For(script.BaseLanguage);
        var translated = book.Replies.For(language);
        var canned = english.Select(r => Text(book, "canned-reply", TranslationKinds.CannedReply, r.Id, r.Title, r.Text,
            translated.Single(t => t.Id == r.Id).Text, language));
        return TypedResults.Ok(new LanguageTexts(book.Version, ReviewOf(book, language), [.. intake, .. canned]));
    }

    public static async Task<Results<Ok<TranslatedText>, ProblemHttpResult>> Correct(string language, string kind, string textId, TranslationEdit edit,
        Caller caller, HttpContext context, TranslationReviews reviews, Database database, TranslationBooks books, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (TranslationKinds.OfTextKind(kind) is not { } storedKind)
        {
            return TypedResults.Problem(detail: "The kind of text is intake or canned-reply.", statusCode: StatusCodes.Status400BadRequest);
        }

        var outcome = await reviews.CorrectAsync(caller.User, language, storedKind, textId, edit.Text, cancellationToken);
        // Which text, and the version it made: the version alone did not say what was changed, and a refusal made none.
        var text = $"{language}/{kind}/{textId}";
        await audit.RecordAsync(AuditEntry.By(context, AuditActions.TranslationCorrected, outcome.Refusal is null ? $"{text} v{outcome.Value}" : text,
            outcome.Refusal is null ? AuditOutcomes.Succeeded : AuditOutcomes.Refused), cancellationToken);
        if (outcome.Refusal is not null)
        {
            return outcome.ToProblem();
        }

        var answer = await GetLanguage(language, database, books, cancellationToken);
        return TypedResults.Ok(((Ok<LanguageTexts>)answer.Result).Value!.Texts.Single(t => t.Kind == kind && t.Id == textId));
    }

    public static async Task<Results<Ok<LanguageReview>, ProblemHttpResult>> MarkReviewed(string language, Caller caller, HttpContext context,
        TranslationReviews reviews, Database database, TranslationBooks books, AuditTrail audit, CancellationToken cancellationToken)
    {
        var outcome = await reviews.MarkReviewedAsync(caller.User, language, cancellationToken);
        await audit.RecordAsync(AuditEntry.By(context, AuditActions.TranslationReviewed, outcome.Refusal is null ? $"{language} v{outcome.Value}" : language,
            outcome.Refusal is null ? AuditOutcomes.Succeeded : AuditOutcomes.Refused), cancellationToken);
        return outcome.Refusal is null
            ? TypedResults.Ok(ReviewOf(await CurrentAsync(database, books, cancellationToken), language))
            : outcome.ToProblem();
    }

    private static async Task<TranslationBook> CurrentAsync(Database database, TranslationBooks books, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return await books.CurrentAsync(session, cancellationToken);
    }

    private static LanguageReview ReviewOf(TranslationBook book, string language)
    {
        var scriptLanguage = book.Script.FindLanguage(language)!;
        var (reviewed, mark) = book.ReviewOf(language);
        return new LanguageReview(language, scriptLanguage.Name, scriptLanguage.EnglishName, reviewed, mark?.ChangedBy, mark?.ChangedAt);
    }

    private static TranslatedText Text(TranslationBook book, string kind, string storedKind, string id, string title, string english, string text, string language)
    {
        var change = book.LastChangeOf(storedKind, language, id);
        return new TranslatedText(kind, id, title, english, text, change?.ChangedBy, change?.ChangedAt);
    }
}
