namespace Hotline.Api.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_is_200_when_the_database_answers()
    {
        await using var app = new HotlineApp();

        var response = await app.CreateClient().GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<HealthReport>(Ct);
        Assert.Equal(("Healthy", "Sqlite"), (report?.Status, report?.Database));
    }

    [Fact]
    public async Task Health_is_503_when_the_database_does_not_answer()
    {
        await using var app = new HotlineApp();
        var client = app.CreateClient();
        await client.GetAsync("/health", Ct);

        SqliteConnectionBreaker.Break(app.DatabaseFile);

        var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", (await response.Content.ReadFromJsonAsync<HealthReport>(Ct))?.Status);
    }

    [Fact]
    public async Task The_first_start_creates_the_database_file()
    {
        await using var app = new HotlineApp();

        await app.CreateClient().GetAsync("/health", Ct);

        Assert.True(File.Exists(app.DatabaseFile));
    }
}
