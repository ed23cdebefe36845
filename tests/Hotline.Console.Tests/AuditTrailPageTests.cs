using Hotline.Api.Accountability;
using Hotline.Api.Partners;
using Hotline.Api.Tests.Accountability;

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
    public async Task When_the_names_cannot_be_read_the_page_says_subjects_show_as_ids_and_still_lists_the_entries()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.RouteAsync("**/api/admin/partners", route => route.FulfillAsync(new()
        {
            Status = 503, ContentType = "application/problem+json", Body = """{"detail":"The database is busy."}""",
        }));

        await console.Page.GotoAsync("/console/audit.html");

        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        await Expect(console.Page.Locator("#status-message")).ToHaveTextAsync(
            "Subjects show as ids: the names could not be read (The database is busy.).");
        await Expect(console.Page.Locator("#entries tr[data-action]").First).ToBeVisibleAsync();
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
        Assert.Equal(["Who", "Action", "Subject", "From", "To"], await labels.AllInnerTextsAsync());
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

        await Expect(console.Page.Locator("#not-for-role")).ToHaveTextAsync("Only administrators read the audit trail. Your role: Caseworker.");
        await Expect(console.Page.GetByRole(AriaRole.Link, new() { Name = "Go to the queue and cases" })).ToHaveAttributeAsync("href", "/console/");
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

        // Each opening also reads the case's referrals, a row of its own.
        await Expect(console.Page.Locator("#access-history li").Filter(new() { HasText = "Opened by sofia" })).ToHaveCountAsync(1);
        await Expect(console.Page.Locator("#access-history li").Last).ToContainTextAsync("Opened by amira");
        await Expect(console.Page.Locator("#access-history")).ToBeVisibleAsync();
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task Taking_the_next_case_records_one_reading_of_it_however_soon_the_claim_is_heard()
    {
        await using var host = await ConsoleHost.StartAsync();
        var amira = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var first = await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        var second = await host.SeedCaseAsync("en", PriorityBand.Medium, "first_contact");
        var third = await host.SeedCaseAsync("en", PriorityBand.Low, "first_contact");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await Expect(console.Waiting).ToHaveCountAsync(3);

        foreach (var held in (int[])[1, 2, 3])
        {
            await console.TakeNextCaseAsync();
            await Expect(console.Mine).ToHaveCountAsync(held);
        }

        // The claim's own push reaches the console before the answer to "Take next case" at times; it must not open the case again.
        await Expect(console.Page.Locator("#case-facts")).ToContainTextAsync("Yours");
        Assert.Equal([$"{amira.Id} case.opened {first} succeeded", $"{amira.Id} case.opened {second} succeeded", $"{amira.Id} case.opened {third} succeeded"],
            await OpeningsRecordedAsync(host));
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task Reloading_the_console_with_a_held_case_on_screen_records_one_more_reading_of_it()
    {
        await using var host = await ConsoleHost.StartAsync();
        var amira = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var held = await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        await Expect(console.Page.Locator("#case-facts")).ToContainTextAsync("Yours");

        await console.Page.ReloadAsync();

        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        await Expect(console.Page.Locator("#case-facts")).ToContainTextAsync("Yours");
        Assert.Equal([$"{amira.Id} case.opened {held} succeeded", $"{amira.Id} case.opened {held} succeeded"],
            await OpeningsRecordedAsync(host));
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task Taking_the_case_on_screen_records_its_opening_and_its_taking_only()
    {
        await using var host = await ConsoleHost.StartAsync();
        var amira = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var reading = await host.SeedCaseAsync("en", PriorityBand.Low, "first_contact");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Item("queue", reading).Locator("button").ClickAsync();
        await Expect(console.Page.Locator("#reply-body")).ToBeDisabledAsync();

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Take this case" }).ClickAsync();

        await Expect(console.Page.Locator("#case-facts")).ToContainTextAsync("Yours");
        Assert.Equal([$"{amira.Id} case.opened {reading} succeeded", $"{amira.Id} case.opened {reading} succeeded"],
            await OpeningsRecordedAsync(host));
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// The case.opened rows, read once a second opening would have been recorded: the console opens a case again on a push it
    /// hears within a few hundred milliseconds of the claim or the reload, and each opening is audited before it is answered.
    /// </summary>
    private static async Task<IReadOnlyList<string>> OpeningsRecordedAsync(ConsoleHost host)
    {
        await Task.Delay(500, Ct);
        return await AuditRows.ReadAsync(host.App, AuditActions.CaseOpened);
    }

    [Fact]
    public async Task The_access_history_words_every_read_and_counts_repeats_instead_of_listing_them()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("sofia", UserRole.Supervisor, "en");
        var amira = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        var audit = host.Services.GetRequiredService<AuditTrail>();
        await audit.RecordAsync(AuditEntry.ByActor(amira.Id.ToString(), AuditActions.CaseFetched, caseId), Ct);
        for (var i = 0; i < 3; i++)
        {
            await audit.RecordAsync(AuditEntry.ByActor(amira.Id.ToString(), AuditActions.ClosedCaseRead, caseId), Ct);
        }

        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "sofia");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.Page.GotoAsync("/console/supervisor.html");
        await console.Page.Locator($"#overview-cases tr[data-case-id='{caseId}']").GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();

        var entries = console.Page.Locator("#access-history li");
        await Expect(entries).ToHaveCountAsync(3);
        // Newest first; the referrals the console read as sofia opened the case are part of that opening.
        await Expect(entries.Nth(0)).ToContainTextAsync("Opened by sofia at ");
        await Expect(entries.Nth(1)).ToContainTextAsync("Read after it was closed by amira 3 times, ");
        await Expect(entries.Nth(2)).ToContainTextAsync("Fetched through the API by amira at ");
        await Expect(console.Page.Locator("#access-history")).Not.ToContainTextAsync("case.");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task The_audit_trail_names_accounts_and_partners_keeps_their_ids_at_hand_and_writes_every_time_alike()
    {
        await using var host = await ConsoleHost.StartAsync();
        var root = await host.AddUserAsync("root", UserRole.Admin, "en");
        var ravi = await host.AddUserAsync("ravi", UserRole.Caseworker, "ne");
        var partnerId = await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        var audit = host.Services.GetRequiredService<AuditTrail>();
        await audit.RecordAsync(AuditEntry.ByActor(root.Id.ToString(), AuditActions.UserDisabled, ravi.Id), Ct);
        await audit.RecordAsync(AuditEntry.ByActor(root.Id.ToString(), AuditActions.PartnerUpdated, partnerId), Ct);
        await audit.RecordAsync(AuditEntry.ByActor(ravi.Id.ToString(), AuditActions.CaseOpened, caseId), Ct);

        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "root");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.Page.GotoAsync("/console/audit.html");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        var disabled = console.Page.Locator("#entries tr[data-action='user.disabled'] td.subject");
        await Expect(disabled).ToHaveTextAsync("ravi account");
        await Expect(disabled).ToHaveAttributeAsync("title", ravi.Id.ToString());
        var updated = console.Page.Locator("#entries tr[data-action='partner.updated'] td.subject");
        await Expect(updated).ToHaveTextAsync("Safe House Doha partner");
        await Expect(updated).ToHaveAttributeAsync("title", partnerId.ToString());
        // A case is never named, only referred to as the console does.
        await Expect(console.Page.Locator("#entries tr[data-action='case.opened'] td.subject")).ToHaveTextAsync($"Case {caseId.ToString()[^8..].ToUpperInvariant()}");
        var times = await console.Page.Locator("#entries td.time").AllInnerTextsAsync();
        Assert.NotEmpty(times);
        Assert.All(times, time => Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", time));
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found by a review: the console names a case "Case 20777861" (the end of its id), and the audit page found its rows only
    /// by the whole id. What the caseworker says is enough.
    /// </summary>
    [Fact]
    public async Task The_admin_finds_a_cases_entries_by_the_reference_the_console_shows()
    {
        await using var host = await ConsoleHost.StartAsync();
        var ravi = await host.AddUserAsync("ravi", UserRole.Caseworker, "en");
        var sought = await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        var other = await host.SeedCaseAsync("en", PriorityBand.Low, "first_contact");
        var audit = host.Services.GetRequiredService<AuditTrail>();
        await audit.RecordAsync(AuditEntry.ByActor(ravi.Id.ToString(), AuditActions.CaseOpened, sought), Ct);
        await audit.RecordAsync(AuditEntry.ByActor(ravi.Id.ToString(), AuditActions.CaseOpened, other), Ct);
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.Page.GotoAsync("/console/audit.html");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await console.Page.GetByLabel("Subject").FillAsync($"Case {sought.ToString()[^8..].ToUpperInvariant()}");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        var subject = console.Page.Locator("#entries tr[data-action] td.subject");
        await Expect(subject).ToHaveTextAsync([$"Case {sought.ToString()[^8..].ToUpperInvariant()}"]);
        await Expect(subject).ToHaveAttributeAsync("title", sought.ToString());
        await Screenshots.TakeAsync(console.Page, "audit-by-case-reference");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found by review: the Subject column showed a case's whole id beside a filter that asks for "Case 20777861", so the admin
    /// matched the two by eye. A row names the case as the console does, and holds the whole id in its title.
    /// </summary>
    [Fact]
    public async Task At_1366x768_the_subject_of_every_case_action_reads_as_the_consoles_case_reference_with_the_whole_id_in_its_title()
    {
        await using var host = await ConsoleHost.StartAsync();
        var ravi = await host.AddUserAsync("ravi", UserRole.Caseworker, "en");
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        var audit = host.Services.GetRequiredService<AuditTrail>();
        foreach (var action in new[] { AuditActions.CaseOpened, AuditActions.CaseFetched, AuditActions.ClosedCaseRead, AuditActions.CaseReferralsRead })
        {
            await audit.RecordAsync(AuditEntry.ByActor(ravi.Id.ToString(), action, caseId), Ct);
        }

        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.Page.GotoAsync("/console/audit.html");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        var subjects = console.Page.Locator("#entries tr[data-action^='case.'] td.subject");
        var reference = $"Case {caseId.ToString()[^8..].ToUpperInvariant()}";
        await Expect(subjects).ToHaveTextAsync([reference, reference, reference, reference]);
        foreach (var subject in await subjects.AllAsync())
        {
            await Expect(subject).ToHaveAttributeAsync("title", caseId.ToString());
        }

        Assert.Empty(console.ScriptErrors);
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("subject")]
    public async Task At_1366x768_a_fields_placeholder_shows_whole(string field)
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.Page.GotoAsync("/console/audit.html");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        var room = await console.Page.Locator($"#{field}").EvaluateAsync<double>("""
            field => {
              const style = getComputedStyle(field);
              const context = document.createElement("canvas").getContext("2d");
              context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
              const inside = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
              return inside - context.measureText(field.placeholder).width;
            }
            """);

        Assert.True(room >= 0, $"The placeholder is {-room}px wider than its field.");
    }
}
