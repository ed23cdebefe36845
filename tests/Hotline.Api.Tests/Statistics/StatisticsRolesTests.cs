namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// Review finding: docs/security.md gives a translation reviewer no statistics, yet every statistics route let any signed-in
/// account in. A reviewer checks wording; counts of cases by language and indicator are none of that work.
/// </summary>
public sealed class StatisticsRolesTests
{
    [Theory, DatabaseData]
    public async Task A_reviewer_is_refused_the_statistics_their_csv_and_their_charts_with_403(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var reviewer = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "meera", UserRole.Reviewer, "ne"));

        var answers = new List<HttpStatusCode>();
        foreach (var path in new[] { "/api/statistics", "/api/statistics/csv", "/api/statistics/charts/cases-by-language.svg" })
        {
            answers.Add((await reviewer.Http.GetAsync(path, Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], answers);
    }

    [Theory, DatabaseData]
    public async Task Caseworkers_supervisors_admins_and_partners_read_the_statistics(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var answers = new List<HttpStatusCode>();
        foreach (var role in new[] { UserRole.Caseworker, UserRole.Supervisor, UserRole.Admin, UserRole.Ngo })
        {
            var client = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, $"{role}-reader".ToLowerInvariant(), role, "en"));
            answers.Add((await client.Http.GetAsync("/api/statistics", Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], answers);
    }
}
