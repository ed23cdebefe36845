namespace Hotline.Api.Tests.Accountability;

/// <summary>
/// `audit verify` walks the HMAC chain and names the first row that does not verify: a row edited, deleted
/// or moved in the SQLite file by someone without the audit key.
/// </summary>
public sealed class AuditChainTests
{
    [Fact]
    public async Task An_untouched_chain_verifies_and_the_command_says_how_many_rows_it_checked()
    {
        await using var app = await AppWithFourRowsAsync();

        var (exit, output) = await VerifyAsync(app);

        Assert.Equal((0, "Checked 4 audit row(s): the chain is intact."), (exit, output));
    }

    [Fact]
    public async Task An_edited_row_is_named_and_the_command_exits_non_zero()
    {
        await using var app = await AppWithFourRowsAsync();
        await app.ExecuteAsync("UPDATE AuditEntries SET Actor = 'someone-else' WHERE Sequence = 2");

        var (exit, output) = await VerifyAsync(app);

        Assert.Equal((1, "Checked 2 audit row(s): row 2 does not verify (its MAC does not match its fields and the row before it)."), (exit, output));
    }

    [Fact]
    public async Task A_deleted_row_is_named_by_the_row_after_it()
    {
        await using var app = await AppWithFourRowsAsync();
        await app.ExecuteAsync("DELETE FROM AuditEntries WHERE Sequence = 2");

        var (exit, output) = await VerifyAsync(app);

        Assert.Equal((1, "Checked 2 audit row(s): row 3 does not verify (row 2 before it is missing)."), (exit, output));
    }

    [Fact]
    public async Task Rows_swapped_in_order_are_named_at_the_first_of_them()
    {
        await using var app = await AppWithFourRowsAsync();
        await app.ExecuteAsync("""
            UPDATE AuditEntries SET Sequence = -3 WHERE Sequence = 3;
            UPDATE AuditEntries SET Sequence = 3 WHERE Sequence = 2;
            UPDATE AuditEntries SET Sequence = 2 WHERE Sequence = -3;
            """);

        var (exit, output) = await VerifyAsync(app);

        Assert.Equal((1, "Checked 2 audit row(s): row 2 does not verify (its MAC does not match its fields and the row before it)."), (exit, output));
    }

    [Fact]
    public async Task A_row_rewritten_with_a_mac_made_without_the_key_does_not_verify()
    {
        await using var app = await AppWithFourRowsAsync();
        await app.ExecuteAsync("UPDATE AuditEntries SET Mac = (SELECT Mac FROM AuditEntries WHERE Sequence = 4), Actor = 'x' WHERE Sequence = 1");

        var (exit, output) = await VerifyAsync(app);

        Assert.Equal((1, "Checked 1 audit row(s): row 1 does not verify (its MAC does not match its fields and the row before it)."), (exit, output));
    }

    [Fact]
    public async Task A_broken_chain_shows_in_the_health_details_and_the_hotline_stays_healthy()
    {
        await using var first = await AppWithFourRowsAsync();
        await first.ExecuteAsync("UPDATE AuditEntries SET Outcome = 'succeeded' WHERE Sequence = 3");

        await using var restarted = await HotlineApp.CreateAsync(first.HostDatabase);
        var report = await HealthOnceTheChainIsCheckedAsync(restarted.CreateClient());

        Assert.Equal(("Healthy", "Broken at row 3: its MAC does not match its fields and the row before it"), (report.Status, report.AuditChain));
    }

    [Fact]
    public async Task An_intact_chain_shows_as_intact_in_the_health_details()
    {
        await using var app = await AppWithFourRowsAsync();
        var report = await HealthOnceTheChainIsCheckedAsync(app.CreateClient());

        Assert.Equal("Intact", report.AuditChain);
    }

    /// <summary>A sign-in, two wrong passwords and a statistics export: four audit rows.</summary>
    private static async Task<HotlineApp> AppWithFourRowsAsync()
    {
        var app = new HotlineApp();
        var maria = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "maria", UserRole.Supervisor, "en"));
        await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), "maria", "wrong once");
        await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), "maria", "wrong twice");
        (await maria.Http.GetAsync("/api/statistics/csv", Ct)).EnsureSuccessStatusCode();
        Assert.Equal(4, await app.CountAsync("SELECT COUNT(*) FROM AuditEntries"));
        return app;
    }

    /// <summary>The health details once the instance has first walked the audit chain (until then they say "Unchecked").</summary>
    private static async Task<HealthReport> HealthOnceTheChainIsCheckedAsync(HttpClient client)
    {
        HealthReport? report = null;
        await Poll.UntilAsync(async () =>
        {
            report = await client.GetFromJsonAsync<HealthReport>("/health", Ct);
            return report?.AuditChain is not (null or "Unchecked");
        }, "the instance's first walk of the audit chain to show in the health details", TimeSpan.FromSeconds(10));
        return report!;
    }

    private static async Task<(int Exit, string Output)> VerifyAsync(HotlineApp app)
    {
        var output = new StringWriter();
        var exit = await OperatorCommands.RunAsync(app.Services, ["audit", "verify"], new StringReader(""), output, Ct);
        return (exit, output.ToString().Trim());
    }
}
