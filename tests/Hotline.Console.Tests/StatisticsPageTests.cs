using System.Globalization;
using Hotline.Api.Referrals;
using Hotline.Api.Partners;

namespace Hotline.Console.Tests;

/// <summary>The statistics page as a reader sees it at 1366x768.</summary>
public sealed class StatisticsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// Nothing measured says so, without pointing at a table: on a fresh install there is none on the page. Found by a
    /// newcomer: "the bands above hide a count", with no bands above (nor any table at all).
    /// </summary>
    [Fact]
    public async Task On_a_fresh_install_each_timing_says_in_one_line_that_nothing_was_measured()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.Page.GotoAsync("/console/statistics.html?from=2026-01&to=2026-12");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await Expect(console.Page.Locator("#timings > *")).ToHaveTextAsync(
        [
            "Time from queueing to a caseworker's first reply: No case was measured in this range, so no median or mean is shown.",
            "Time from opening a case to sending a referral: No case was measured in this range, so no median or mean is shown.",
        ]);
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// A timing withheld for hidden bands names the table they are in, and that table is below it on the page, as it says.
    /// Found by a newcomer: "the bands above hide a count", about tables below.
    /// </summary>
    [Fact]
    public async Task A_timing_withheld_for_a_hidden_band_names_its_table_below()
    {
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var partnerId = await host.AddPartnerAsync("Aden Shelter", PartnerServices.Shelter);
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        await host.SendShelterReferralAsync(caseworker, caseId, partnerId, new RecordConsent("person", "sms", null, [], null, null, null, null));
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.Page.GotoAsync("/console/statistics.html");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        var timing = console.Page.Locator("#timings [data-timing='time-to-referral']");
        await Expect(timing).ToHaveTextAsync(
            "Time from opening a case to sending a referral: Fewer than 5 cases were measured in this range, "
            + "or the table \"Referrals by time from opening the case to sending\" below hides a count, so no median or mean is shown.");
        var table = console.Page.Locator("section[data-table='referrals-by-time']");
        await Expect(table.Locator("h2")).ToHaveTextAsync("Referrals by time from opening the case to sending");
        var timingBottom = (await timing.BoundingBoxAsync())!.Y + (await timing.BoundingBoxAsync())!.Height;
        Assert.True((await table.BoundingBoxAsync())!.Y > timingBottom, "the table named is below the timing");
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

    /// <summary>
    /// A partner on a fresh install reads the same one line, not tables of zeros, nor a broken page; above it, one line of how
    /// counts are hidden, the whole rule folded away until asked for (unfolded, it was a paragraph longer than the first screen).
    /// </summary>
    [Fact]
    public async Task On_a_fresh_install_a_partner_reads_that_there_is_nothing_to_count()
    {
        await using var host = await ConsoleHost.StartAsync();
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        await host.AddLinkedPartnerAsync(ngo, "Aden Shelter", PartnerServices.Shelter);
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        await partner.SubmitSignInAsync("shelter");

        await partner.Page.GotoAsync("/console/statistics.html?from=2026-01&to=2026-12");
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await Expect(partner.Page.Locator("#tables")).ToHaveTextAsync(
            "No case was opened and no referral made from January 2026 to December 2026: every table would be zeros. "
            + "Choose other months, or download every table (CSV).");
        await Expect(partner.Page.Locator("#rule-summary")).ToHaveTextAsync(
            "Counts from 1 to 4 show as <5, and so can a 0 where showing it would give a small count away; x and – mark figures hidden "
            + "so that a small count cannot be worked out from the others. A month's heading says whether its figures may still change.");
        var rule = partner.Page.Locator("#rule");
        await Expect(rule.Locator("p").First).ToBeHiddenAsync();
        await rule.Locator("summary").ClickAsync();
        await Expect(rule.Locator("p")).ToHaveCountAsync(5);
        await Expect(rule.Locator("p").First).ToHaveTextAsync(
            "A month's outcomes, first replies and referrals are provisional until 90 days after the month ends and final from then on; "
            + "its languages, channels, indicators and priorities are final when it ends. A provisional month's heading gives the day it "
            + "becomes final; the month still running is headed \"so far\".");
        Assert.Empty(partner.ScriptErrors);
    }

    /// <summary>
    /// During a rolling deploy the page may come from a newer instance and its statistics from an older one, which gives the
    /// whole rule as one string, <c>suppressionRule</c>, and no <c>rule</c>. The page read <c>view.rule.summary</c> unguarded:
    /// it threw, and said only "Cannot read properties of undefined" where every table should have been.
    /// </summary>
    [Fact]
    public async Task Statistics_from_an_older_server_with_the_rule_as_one_string_still_show_the_rule_and_the_tables()
    {
        const string OlderRule = "Counts from 1 to 4 show as <5.";
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.Page.RouteAsync("**/api/statistics?*", async route =>
        {
            var response = await route.FetchAsync();
            var view = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!.AsObject();
            view.Remove("rule");
            view["suppressionRule"] = OlderRule;
            await route.FulfillAsync(new() { Response = response, Body = view.ToJsonString() });
        });

        await console.Page.GotoAsync("/console/statistics.html?from=2026-01&to=2026-12");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await Expect(console.Page.Locator("#rule-summary")).ToHaveTextAsync(OlderRule);
        await Expect(console.Page.Locator("#rule")).ToBeHiddenAsync();
        await Expect(console.Page.Locator("#status-message")).ToHaveTextAsync("");
        await Expect(console.Page.Locator("#tables")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(
            "^No case was opened and no referral made from January 2026 to December 2026"));
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// A partner reads which months can still change: the month still running is headed "so far", a month over "provisional
    /// until" the day 90 days after it ended, while that day is to come (always the month before this one), and a final month
    /// (always the one five back) by its name alone; the same headings in the chart by month (each fitting the chart, none
    /// cut off at its left edge) and in the CSV. The tables a case or referral moves between say in a line how they count;
    /// the table of languages, final when a month ends, heads every month over by its name alone.
    /// </summary>
    [Fact]
    public async Task A_partner_sees_which_months_are_so_far_provisional_or_final_in_the_tables_charts_and_csv()
    {
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        var partnerId = await host.AddLinkedPartnerAsync(ngo, "Aden Shelter", PartnerServices.Shelter);
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        await host.SendShelterReferralAsync(caseworker, caseId, partnerId, new RecordConsent("person", "sms", null, [], null, null, null, null));
        // The clock is real, so the months are named from it: a month over is final 90 days after it ends, the first of the next.
        var now = DateTime.UtcNow;
        var thisMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        string Heading(DateTime month)
        {
            var name = month.ToString("MMM yyyy", CultureInfo.InvariantCulture);
            var final = month.AddMonths(1).AddDays(90);
            return month == thisMonth ? $"{name} (so far)"
                : now < final ? $"{name} (provisional until {final.ToString("d MMM yyyy", CultureInfo.InvariantCulture)})"
                : name;
        }

        var headings = Enumerable.Range(0, 6).Select(back => Heading(thisMonth.AddMonths(back - 5))).ToArray();
        Assert.Equal(thisMonth.AddMonths(-5).ToString("MMM yyyy", CultureInfo.InvariantCulture), headings[0]);
        Assert.EndsWith($"(provisional until {thisMonth.AddDays(90).ToString("d MMM yyyy", CultureInfo.InvariantCulture)})", headings[4]);
        var range = $"from={thisMonth.AddMonths(-5):yyyy-MM}&to={thisMonth:yyyy-MM}";
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        await partner.SubmitSignInAsync("shelter");
        await partner.Page.SetViewportSizeAsync(1366, 768);

        await partner.Page.GotoAsync($"/console/statistics.html?{range}");
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        var outcomes = partner.Page.Locator("section[data-table='cases-by-outcome']");
        var provisional = outcomes.Locator("thead th").Nth(5);
        await Expect(outcomes.Locator("thead th")).ToHaveTextAsync(["Outcome", .. headings, "Total"]);
        await Expect(partner.Page.Locator("section[data-table='cases-by-language'] thead th")).ToHaveTextAsync(
            ["Language", .. Enumerable.Range(0, 5).Select(back => thisMonth.AddMonths(back - 5).ToString("MMM yyyy", CultureInfo.InvariantCulture)),
             headings[5], "Total"]);
        await Expect(outcomes.Locator("p.muted")).ToHaveTextAsync(
            "Each case is counted in the month it was opened, as it stands until that month is final, 90 days after the month ends: "
            + "a provisional month changes as its cases move on, and what happens to a case after that is counted nowhere.");
        await Expect(outcomes.Locator("tbody tr", new() { HasText = "Still open" }).Locator("td").Last).ToHaveTextAsync("<5");
        await Expect(partner.Page.Locator("section[data-table='referrals-by-outcome'] p.muted")).ToHaveTextAsync(
            "Each referral is counted in the month it was proposed, as it stands until that month is final, 90 days after the month ends: "
            + "a provisional month changes as its referrals move on, and what happens to a referral after that is counted nowhere.");
        var tooWide = await outcomes.Locator("table").EvaluateAsync<bool>("table => table.scrollWidth > table.parentElement.clientWidth");
        Assert.False(tooWide);
        Assert.Empty(partner.ScriptErrors);
        await provisional.ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(partner.Page, "statistics-months-provisional");

        var csv = await partner.Page.APIRequest.GetAsync($"/api/statistics/csv?table=cases-by-outcome&{range}");
        Assert.Equal($"Outcome,{string.Join(",", headings)},Total", (await csv.TextAsync()).Split('\n')[0].TrimEnd('\r'));

        await partner.Page.GotoAsync($"/api/statistics/charts/cases-by-outcome.svg?by=months&{range}");
        var labels = await partner.Page.Locator("svg g > text:first-of-type").EvaluateAllAsync<string[]>(
            "texts => texts.map(t => `${t.textContent} ${t.getBBox().x >= 0 ? 'fits' : 'cut off'}`)");
        Assert.Equal(headings.Select(h => $"{h} fits"), labels);
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
