using Hotline.Api.Translations;

namespace Hotline.Api.IntakeHost;

public static class LanguageEndpoints
{
    /// <summary>A language of the intake. <see cref="Reviewed"/> says whether a native speaker has checked its wording; the console shows it.</summary>
    public sealed record LanguageView(string Tag, string Name, string EnglishName, bool Reviewed);

    public static IEndpointRouteBuilder MapLanguageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/languages", GetLanguages).WithName("GetLanguages").WithSummary("The intake languages and whether a native speaker has reviewed each.").WithTags("Intake").RequireAuthorization(Policies.CaseData);
        return app;
    }

    /// <summary>The review state is the newest translation version's: a language marked reviewed on the review page loses its notice at once.</summary>
    public static async Task<Ok<IReadOnlyList<LanguageView>>> GetLanguages(Database database, TranslationBooks books, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        var script = (await books.CurrentAsync(session, cancellationToken)).Script;
        return TypedResults.Ok<IReadOnlyList<LanguageView>>(script.Languages.Select(l => new LanguageView(l.Tag, l.Name, l.EnglishName, l.Reviewed)).ToList());
    }
}
