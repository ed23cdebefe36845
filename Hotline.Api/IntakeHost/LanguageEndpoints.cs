using Hotline.Api.Auth;
using Hotline.Bot.Intake.Scripts;
using Microsoft.AspNetCore.Http.HttpResults;

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

    public static Ok<IReadOnlyList<LanguageView>> GetLanguages(IntakeScript script) =>
        TypedResults.Ok<IReadOnlyList<LanguageView>>(script.Languages.Select(l => new LanguageView(l.Tag, l.Name, l.EnglishName, l.Reviewed)).ToList());
}
