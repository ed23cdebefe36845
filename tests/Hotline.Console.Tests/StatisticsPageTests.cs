using Hotline.Api.Referrals;
using Hotline.Api.Partners;

namespace Hotline.Console.Tests;

/// <summary>The statistics page as a reader sees it at 1366x768.</summary>
public sealed class StatisticsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Timings_measured_on_fewer_than_5_cases_say_so_in_one_line_each()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.Page.GotoAsync("/console/statistics.html?from=2026-01&to=2026-12");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await Expect(console.Page.Locator("#timings > *")).ToHaveTextAsync(
        [
            "Time from queueing to a caseworker's first reply: Fewer than 5 cases were measured in this range, or the bands above hide a count, so no median or mean is shown.",
            "Time from opening a case to sending a referral: Fewer than 5 cases were measured in this range, or the bands above hide a count, so no median or mean is shown.",
        ]);
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Nothing counted in the months asked for is said once, in place of the tables: not a sentence above each table of zeros.
    /// Found by a newcomer on an empty database: "No cases in these months." right above a full table of zeros, for every table.
    /// </summary>
    [Fact]
    public async Task On_a_fresh_install_one_line_says_there_is_nothing_to_count_in_place_of_tables_of_zeros()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.Page.GotoAsync("/console/statistics.html?from=2026-01&to=2026-12");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await Expect(console.Page.Locator("#tables")).ToHaveTextAsync(
            "No case was opened and no referral made from January 2026 to December 2026: every table would be zeros. "
            + "Choose other months, or download every table (CSV).");
        await Expect(console.Page.Locator("#tables table")).ToHaveCountAsync(0);
        await Expect(console.Page.Locator("#tables img")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(console.Page, "statistics-fresh-install");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_table_whose_every_count_is_hidden_says_so_in_place_of_a_chart_without_bars()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.SeedCaseAsync("en", PriorityBand.High, "deception");
        await host.SeedCaseAsync("en", PriorityBand.High, "deception");
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.Page.GotoAsync("/console/statistics.html");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await Expect(console.Page.Locator("section[data-table='cases-by-language'] tr.totals td").Last).ToHaveTextAsync("<5");
        var said = await ChartPlacesAsync(console.Page);
        Assert.Contains("cases-by-language: Too few cases in these months for a chart: every count is hidden.", said);
        Assert.Contains("cases-by-priority: Too few cases in these months for a chart: every count is hidden.", said);
        Assert.Contains("referrals-by-partner: No referrals in these months.", said);
        await Expect(console.Page.Locator("#tables img")).ToHaveCountAsync(0);
        // A table of hidden counts still says that there were some; a table of zeros says nothing the sentence does not.
        await Expect(console.Page.Locator("section[data-table='cases-by-language'] table")).ToHaveCountAsync(1);
        await Expect(console.Page.Locator("section[data-table='referrals-by-partner'] table")).ToHaveCountAsync(0);
        await Expect(console.Page.Locator("section[data-table='referrals-by-partner'] a")).ToHaveTextAsync("CSV");
        await Screenshots.TakeAsync(console.Page, "statistics-hidden-and-empty");
    }

    /// <summary>
    /// A partner added this month is counted from this month: its row reads blank in the months before (not 0, not "&lt;5"),
    /// the table says why, and a table whose only counts are hidden says so in place of a chart (blank cells are no count).
    /// </summary>
    [Fact]
    public async Task A_partner_added_this_month_is_a_row_from_this_month_on_and_blank_before()
    {
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var partnerId = await host.AddPartnerAsync("Aden Shelter", PartnerServices.Shelter);
        // A referral to count: a table of nothing but zeros is its one sentence, without the table.
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        await host.SendShelterReferralAsync(caseworker, caseId, partnerId, new RecordConsent("person", "sms", null, [], null, null, null, null));
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.Page.GotoAsync("/console/statistics.html");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        var partners = console.Page.Locator("section[data-table='referrals-by-partner']");
        await Expect(partners.Locator("tbody tr:not(.totals) th")).ToHaveTextAsync(["Aden Shelter"]);
        await Expect(partners.Locator("tbody tr:not(.totals) td")).ToHaveTextAsync([.. Enumerable.Repeat("", 11), "<5", "<5"]);
        await Expect(partners.Locator("p.muted")).ToHaveTextAsync("Partners are in the order they joined the directory, each counted from that month; the months before are blank.");
        Assert.Contains("referrals-by-partner: Too few referrals in these months for a chart: every count is hidden.", await ChartPlacesAsync(console.Page));
        Assert.Empty(console.ScriptErrors);
        await partners.ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(console.Page, "statistics-partner-added");
    }

    [Fact]
    public async Task At_1366_wide_a_year_of_every_table_fits_its_card_with_its_total_in_view()
    {
        await using var host = await ConsoleHost.StartAsync();
        // Something to count in every table of cases (a table of zeros is not drawn).
        await host.SeedCaseAsync("en", PriorityBand.High, "deception", "withholding_of_wages", "debt_bondage");
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.Page.GotoAsync("/console/statistics.html?from=2026-01&to=2026-12");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        var tooWide = await console.Page.Locator("#tables section[data-table]").EvaluateAllAsync<string[]>(
            "sections => sections.filter(s => s.querySelector('table')).map(s => [s.dataset.table, s.querySelector('table'), s.querySelector('table').parentElement])" +
            ".filter(([, table, box]) => table.scrollWidth > box.clientWidth).map(([id, table, box]) => `${id}: ${table.scrollWidth} > ${box.clientWidth} px`)");
        Assert.Empty(tooWide);
        await Expect(console.Page.Locator("section[data-table='cases-by-indicator'] thead th").Last).ToHaveTextAsync("Total");
        await Screenshots.TakeAsync(console.Page, "statistics-year");
    }

    /// <summary>What stands where each table's charts would be: "table-id: the sentence", or "table-id: charts".</summary>
    private static async Task<string[]> ChartPlacesAsync(IPage page) =>
        await page.Locator("#tables section[data-table]").EvaluateAllAsync<string[]>(
            "sections => sections.map(s => `${s.dataset.table}: ${s.querySelector('.no-chart')?.textContent ?? 'charts'}`)");
}
