using Hotline.Api.Accountability;

namespace Hotline.Console.Tests;

/// <summary>What an admin and a supervisor see of the audit trail at 1366x768, and what a caseworker does not.</summary>
public sealed class AuditTrailPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_admin_filters_the_audit_trail_pages_back_through_it_and_exports_it()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("root", UserRole.Admin, "en");
        var audit = host.Services.GetRequiredService<AuditTrail>();
        for (var i = 0; i < 105; i++)
        {
            await audit.RecordAsync(AuditEntry.ByActor(AuditActors.System, AuditActions.RetentionSwept, null), Ct);
        }

        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "root");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();

        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        await Expect(console.Page.Locator("#entries tr[data-sequence]")).ToHaveCountAsync(100);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Older entries" }).ClickAsync();
        await Expect(console.Page.Locator("#entries tr[data-sequence]")).ToHaveCountAsync(106);
        await Expect(console.Page.GetByRole(AriaRole.Button, new() { Name = "Older entries" })).ToBeHiddenAsync();

        await console.Page.GetByLabel("Action").SelectOptionAsync("signin.succeeded");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(console.Page.Locator("#entries tr[data-sequence]")).ToHaveCountAsync(1);
        await Expect(console.Page.Locator("#entries tr[data-sequence]")).ToContainTextAsync("root");
        await Screenshots.TakeAsync(console.Page, "audit-trail");

        var download = await console.Page.RunAndWaitForDownloadAsync(() => console.Page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!, Ct);
        Assert.Equal("sequence,occurred_at,actor,actor_name,action,subject,client_address,outcome", csv[0]);
        Assert.Single(csv.Skip(1), line => line.Contains(",signin.succeeded,", StringComparison.Ordinal));
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task At_1366x768_each_filter_label_sits_on_the_line_of_its_field()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.Page.GotoAsync("/console/audit.html");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        var labels = console.Page.Locator("#audit-filter label");
        Assert.Equal(["Who", "Action", "Subject id", "From", "To"], await labels.AllInnerTextsAsync());
        foreach (var label in await labels.AllAsync())
        {
            var text = (await label.BoundingBoxAsync())!;
            var field = (await console.Page.Locator($"#{await label.GetAttributeAsync("for")}").BoundingBoxAsync())!;
            var middle = text.Y + (text.Height / 2);
            Assert.True(middle > field.Y && middle < field.Y + field.Height,
                $"The label \"{await label.InnerTextAsync()}\" (middle at {middle}px) is not on the line of its field ({field.Y}px to {field.Y + field.Height}px).");
        }

        await Screenshots.TakeAsync(console.Page, "audit-filter-1366x768");
    }

    [Fact]
    public async Task A_caseworker_opening_the_audit_page_is_told_it_is_for_administrators_and_sees_no_link_to_it()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await Expect(console.Page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" })).ToBeHiddenAsync();

        await console.Page.GotoAsync("/console/audit.html");

        await Expect(console.Page.Locator("#audit")).ToHaveTextAsync("Only administrators read the audit trail.");
    }

    [Fact]
    public async Task A_supervisor_sees_who_opened_the_case_in_the_case_view()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("sofia", UserRole.Supervisor, "en");
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        await using (var caseworker = await ConsolePage.SignInAsync(browser.Browser, host, "amira"))
        {
            await caseworker.TakeNextCaseAsync();
            await Expect(caseworker.Page.Locator("#case")).ToBeVisibleAsync();
        }

        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "sofia");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.Page.GotoAsync("/console/supervisor.html");
        await console.Page.Locator($"#overview-cases tr[data-case-id='{caseId}']").GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();

        // Each opening also reads the case's referrals, a row of its own, and the console that took the case opened it more than once.
        await Expect(console.Page.Locator("#access-history li").Filter(new() { HasText = "Opened by sofia" })).ToHaveCountAsync(1);
        await Expect(console.Page.Locator("#access-history li").Last).ToContainTextAsync("Opened by amira");
        await Expect(console.Page.Locator("#access-history")).ToBeVisibleAsync();
        Assert.Empty(console.ScriptErrors);
    }
}
