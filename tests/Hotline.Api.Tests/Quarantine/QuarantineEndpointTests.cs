namespace Hotline.Api.Tests.Quarantine;

public sealed class QuarantineEndpointTests
{
    [Fact]
    public async Task A_supervisor_sees_each_set_aside_row_by_source_id_reason_and_time()
    {
        await using var app = new HotlineApp();
        var supervisor = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "sara", UserRole.Supervisor, "en"));
        await app.ExecuteAsync("INSERT INTO QuarantinedRows (Source, RowId, Reason, QuarantinedAt) VALUES ('outbox', '0193a5e1-0000-7000-8000-000000000001', 'undecryptable', '2026-12-03T10:00:00.0000000+00:00')");

        var body = await supervisor.Http.GetStringAsync("/api/quarantine", Ct);

        using var rows = JsonDocument.Parse(body);
        var row = Assert.Single(rows.RootElement.EnumerateArray());
        Assert.Equal(("outbox", "0193a5e1-0000-7000-8000-000000000001", "undecryptable", "2026-12-03T10:00:00+00:00"),
            (row.GetProperty("source").GetString(), row.GetProperty("rowId").GetString(), row.GetProperty("reason").GetString(),
                row.GetProperty("quarantinedAt").GetString()));
    }

    [Theory]
    [InlineData(UserRole.Caseworker)]
    [InlineData(UserRole.Admin)]
    public async Task Anyone_but_a_supervisor_is_refused(UserRole role)
    {
        await using var app = new HotlineApp();
        var someone = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "omar", role, "en"));

        Assert.Equal(HttpStatusCode.Forbidden, (await someone.Http.GetAsync("/api/quarantine", Ct)).StatusCode);
    }
}
