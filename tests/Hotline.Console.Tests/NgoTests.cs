using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Hotline.Api.Casework;
using Hotline.Api.CaseStore;
using Hotline.Api.Erasure;
using Hotline.Api.Partners;
using Hotline.Api.Referrals;

namespace Hotline.Console.Tests;

public sealed class NgoTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] CaseApis = ["/api/queue", "/api/case-events", "/api/cases", "/api/colleagues", "/api/supervisor", "/hubs/"];

    [Fact]
    public async Task An_ngo_user_lands_on_the_partner_page_which_calls_no_case_api()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("shelter", UserRole.Ngo);
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        var requested = new List<string>();
        partner.Page.Request += (_, request) => requested.Add(new Uri(request.Url).AbsolutePath);

        await partner.SubmitSignInAsync("shelter");

        await Expect(partner.Page).ToHaveURLAsync($"{host.BaseUrl}/console/partner.html");
        await Expect(partner.Page.Locator("main")).ToContainTextAsync("The referrals the hotline has sent to your organisation, newest first.");
        await Expect(partner.Page.Locator("#signout button")).ToBeEnabledAsync();
        Assert.DoesNotContain(requested, path => CaseApis.Any(api => path.StartsWith(api, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_ngo_account_opening_the_front_door_is_taken_on_to_its_referrals_without_an_uncaught_error()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("shelter", UserRole.Ngo);
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        await partner.SubmitSignInAsync("shelter");
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await partner.Page.GotoAsync("/console/");

        await Expect(partner.Page).ToHaveURLAsync($"{host.BaseUrl}/console/partner.html");
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        Assert.Empty(partner.ScriptErrors);
    }

    [Fact]
    public async Task A_caseworker_on_the_partner_page_is_told_it_is_for_partners_and_led_back_without_an_uncaught_error()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");

        await console.Page.GotoAsync("/console/partner.html");

        await Expect(console.Page.Locator("#not-for-role")).ToHaveTextAsync("This page is for partner organisations' accounts. Your role: Caseworker.");
        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Go to the queue and cases" }).ClickAsync();
        await Expect(console.Page).ToHaveURLAsync($"{host.BaseUrl}/console/");
        await console.WaitUntilLiveAsync();
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task An_ngo_account_has_one_name_on_its_referrals_and_on_the_statistics()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("shelter", UserRole.Ngo);
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        await partner.SubmitSignInAsync("shelter");
        await Expect(partner.Page.Locator("#who")).ToHaveTextAsync("shelter · NGO partner");

        await partner.Page.GotoAsync("/console/statistics.html");

        await Expect(partner.Page.Locator("#who")).ToHaveTextAsync("shelter · NGO partner");
    }

    [Fact]
    public async Task An_ngo_account_finds_change_password_beside_its_name_as_every_account_does()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("shelter", UserRole.Ngo);
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        await partner.SubmitSignInAsync("shelter");
        await Expect(partner.Page).ToHaveURLAsync($"{host.BaseUrl}/console/partner.html");

        await partner.Page.GetByRole(AriaRole.Link, new() { Name = "Change password" }).ClickAsync();

        await Expect(partner.Page).ToHaveURLAsync($"{host.BaseUrl}/console/password.html");
        await partner.Page.GotoAsync("/console/statistics.html");
        await Expect(partner.Page.GetByRole(AriaRole.Link, new() { Name = "Change password" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_ngo_user_gets_403_from_the_queue()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("shelter", UserRole.Ngo);
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        await partner.SubmitSignInAsync("shelter");
        await Expect(partner.Page).ToHaveURLAsync($"{host.BaseUrl}/console/partner.html");

        var response = await partner.Context.APIRequest.GetAsync("/api/queue");

        Assert.Equal((int)HttpStatusCode.Forbidden, response.Status);
    }

    [Fact]
    public async Task The_hub_refuses_an_ngo_users_connection()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("shelter", UserRole.Ngo);
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        await partner.SubmitSignInAsync("shelter");
        await Expect(partner.Page).ToHaveURLAsync($"{host.BaseUrl}/console/partner.html");
        var session = (await partner.Context.CookiesAsync()).Single(c => c.Name == "hotline.session");
        await using var hub = new HubConnectionBuilder()
            .WithUrl($"{host.BaseUrl}/hubs/cases", options => options.Headers["Cookie"] = $"{session.Name}={session.Value}")
            .Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    /// <summary>
    /// A sent referral's head says "Sent" once, its badge followed by the date; an accepted one keeps "Sent" before its date.
    /// Found by a newcomer: "Sent Sent 7 Dec", the badge and the date's label both saying it.
    /// </summary>
    [Fact]
    public async Task At_1366x768_a_sent_referral_reads_sent_once_before_its_date()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        var partnerId = await host.AddLinkedPartnerAsync(ngo, "Safe House Doha", PartnerServices.Shelter);
        var consent = new RecordConsent("person", "sms", null, [], null, null, null, null);
        var sent = await host.SendShelterReferralAsync(caseworker, await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained"), partnerId, consent);
        var accepted = await host.SendShelterReferralAsync(caseworker, await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained"), partnerId, consent);
        await host.Services.GetRequiredService<PartnerInbox>().AcceptAsync(ngo with { OrganisationId = partnerId }, accepted, ct);

        await using var partner = await ConsolePage.SignInAsync(browser.Browser, host, "shelter");
        await partner.Page.SetViewportSizeAsync(1366, 768);
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await Expect(partner.Page.Locator($"li[data-referral-id='{sent}'] .referral-head > span")).ToHaveTextAsync(
            [new Regex("^Sent$"), new Regex(@"^\d{1,2} [A-Z][a-z]{2}, \d\d:\d\d$"), new Regex("^Reference ")]);
        await Expect(partner.Page.Locator($"li[data-referral-id='{accepted}'] .referral-head > span")).ToHaveTextAsync(
            [new Regex("^Accepted$"), new Regex(@"^Sent \d{1,2} [A-Z][a-z]{2}, \d\d:\d\d$"), new Regex("^Reference ")]);
        Assert.Empty(partner.ScriptErrors);
    }

    [Fact]
    public async Task At_1366x768_each_label_of_the_outcome_form_sits_above_its_field_as_in_every_other_form()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        var partnerId = await host.AddLinkedPartnerAsync(ngo, "Safe House Doha", PartnerServices.Shelter);

        var referralId = await host.SendShelterReferralAsync(caseworker, caseId, partnerId, new RecordConsent("person", "sms", null, [], null, null, null, null));
        await host.Services.GetRequiredService<PartnerInbox>().AcceptAsync(ngo with { OrganisationId = partnerId }, referralId, ct);

        await using var partner = await ConsolePage.SignInAsync(browser.Browser, host, "shelter");
        await partner.Page.SetViewportSizeAsync(1366, 768);
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        foreach (var name in new[] { "Outcome", "Note for the hotline (optional)" })
        {
            var label = partner.Page.Locator("label", new() { HasTextString = name });
            var text = (await label.BoundingBoxAsync())!;
            var field = (await partner.Page.GetByLabel(name).BoundingBoxAsync())!;
            Assert.True(text.Y + text.Height <= field.Y, $"The label \"{name}\" (bottom at {text.Y + text.Height}px) is not above its field (top at {field.Y}px).");
            Assert.Equal(text.X, field.X, 1.0);
        }
    }

    /// <summary>
    /// Found by looking at the page: the labels' column took the width of its longest label, the indicators' with its
    /// explanation (about 900 px), so every value was squeezed into what was left of the card, a third of it at 1366 px and a
    /// word a line at 1024.
    /// </summary>
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1024, 768)]
    public async Task A_partner_reads_each_shared_detail_beside_its_label_with_most_of_the_card_for_the_value(int width, int height)
    {
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        var partnerId = await host.AddLinkedPartnerAsync(ngo, "Safe House Doha", PartnerServices.Shelter);
        var referralId = await host.SendShelterReferralAsync(caseworker, caseId, partnerId,
            new RecordConsent("person", "sms", null, ["language", "region", "indicators", "summary", "contact_route"],
                "Needs a safe place tonight.", null, "Industrial Area, Street 24", "person_contacts_partner"));

        await using var partner = await ConsolePage.SignInAsync(browser.Browser, host, "shelter");
        await partner.Page.SetViewportSizeAsync(width, height);
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        var shared = partner.Page.Locator($"li[data-referral-id='{referralId}'] dl.shared");
        await Expect(shared.Locator("dt")).ToHaveTextAsync(["Language", "Region",
            "Indicators of forced labour (the ILO's categories the person's answers point to, not what they said)",
            "How to reach the person", "Summary from the caseworker"]);
        await Screenshots.TakeAsync(partner.Page, $"partner-shared-details-{width}x{height}");

        var list = await shared.EvaluateAsync<double>("dl => dl.getBoundingClientRect().width");
        var values = await shared.Locator("dd").EvaluateAllAsync<double[][]>("""
            values => values.map(dd => { const range = document.createRange(); range.selectNodeContents(dd);
              return [dd.getBoundingClientRect().width, new Set([...range.getClientRects()].map(r => Math.round(r.top))).size]; })
            """);
        Assert.All(values, value => Assert.True(value[0] >= list * 0.6, $"A value is {value[0]:0} px wide in a list {list:0} px wide."));
        Assert.All(values, value => Assert.Equal(1, value[1]));
    }

    [Fact]
    public async Task After_the_person_is_erased_the_partner_reads_that_the_details_were_removed_not_that_none_were_shared()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        var phone = host.App.NextPhone();
        var caseId = (await host.App.QueueCaseAsync(phone, "en", PriorityBand.High, "documents_retained")).Id;
        var partnerId = await host.AddLinkedPartnerAsync(ngo, "Safe House Doha", PartnerServices.Shelter);

        var referralId = await host.SendShelterReferralAsync(caseworker, caseId, partnerId,
            new RecordConsent("person", "sms", null, ["summary"], "Needs a safe place tonight.", null, null, null));
        var inbox = host.Services.GetRequiredService<PartnerInbox>();
        await inbox.AcceptAsync(ngo with { OrganisationId = partnerId }, referralId, ct);
        await inbox.CompleteAsync(ngo with { OrganisationId = partnerId }, referralId, new CompleteReferral("sheltered", null), ct);
        Assert.NotNull((await host.Services.GetRequiredService<PersonErasure>().EraseAsync(phone, force: true, "operator", null, ct)).Value);

        await using var partner = await ConsolePage.SignInAsync(browser.Browser, host, "shelter");
        await partner.Page.SetViewportSizeAsync(1366, 768);
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        var referral = partner.Page.Locator($"li[data-referral-id='{referralId}']");
        await Expect(referral).ToContainTextAsync(
            "The details of this referral were removed by the hotline: at the person's request, or because the time the hotline keeps them ended.");
        await Expect(referral).Not.ToContainTextAsync("agreed to this referral but to sharing no details");
        await Expect(referral).ToContainTextAsync("Completed: Sheltered");
        Assert.Empty(partner.ScriptErrors);
    }

    /// <summary>
    /// Found by review: a partner told to reach the person "Through the hotline caseworker" still had Accept after the hotline closed
    /// the case, and was not told nobody there could pass a message any more.
    /// </summary>
    [Fact]
    public async Task At_1366x768_a_partner_to_reach_the_person_through_the_hotline_reads_that_the_hotline_closed_the_case_and_has_no_accept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        var partnerId = await host.AddLinkedPartnerAsync(ngo, "Safe House Doha", PartnerServices.Shelter);
        var referralId = await host.SendShelterReferralAsync(caseworker, caseId, partnerId,
            new RecordConsent("person", "sms", null, ["contact_route"], null, null, null, "through_hotline"));
        var lease = (await host.Services.GetRequiredService<CaseQueue>().ClaimNextAsync(caseworker.Id, TimeSpan.FromMinutes(5), ct))!;
        Assert.True((await host.Services.GetRequiredService<CaseActions>().CloseAsync(caseworker, caseId, lease.LeaseToken, "referred", null, ct)).Value);
        var closedOn = DateTime.UtcNow.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        await using var partner = await ConsolePage.SignInAsync(browser.Browser, host, "shelter");
        await partner.Page.SetViewportSizeAsync(1366, 768);
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        var referral = partner.Page.Locator($"li[data-referral-id='{referralId}']");
        var notice = referral.Locator(".hotline-closed");
        await Expect(notice).ToHaveTextAsync($"The hotline closed this case on {closedOn}, so it can no longer pass messages between you and the person: "
            + "this referral cannot be accepted through the hotline caseworker. Decline it, or ask the hotline, quoting the reference.");
        await Expect(notice).ToBeInViewportAsync();
        await Expect(referral).ToContainTextAsync("How to reach the person" + "Through the hotline caseworker");
        await Expect(referral.GetByRole(AriaRole.Button, new() { Name = "Accept" })).ToHaveCountAsync(0);
        await Expect(referral.GetByRole(AriaRole.Button, new() { Name = "Decline" })).ToBeVisibleAsync();
        await Expect(referral).Not.ToContainTextAsync(caseId.ToString()[^8..].ToUpperInvariant());
        Assert.Empty(partner.ScriptErrors);
    }

    /// <summary>
    /// Found by the walk-through: a referral that shares no contact route reads "Only through the hotline", yet once the
    /// hotline closed the case the partner was not told so and could still accept, as "Through the hotline caseworker" cannot.
    /// </summary>
    [Fact]
    public async Task At_1366x768_a_partner_with_no_contact_route_reads_that_the_hotline_closed_the_case_and_has_no_accept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        var partnerId = await host.AddLinkedPartnerAsync(ngo, "Safe House Doha", PartnerServices.Shelter);
        var referralId = await host.SendShelterReferralAsync(caseworker, caseId, partnerId,
            new RecordConsent("person", "sms", null, ["language"], null, null, null, null));
        var lease = (await host.Services.GetRequiredService<CaseQueue>().ClaimNextAsync(caseworker.Id, TimeSpan.FromMinutes(5), ct))!;
        Assert.True((await host.Services.GetRequiredService<CaseActions>().CloseAsync(caseworker, caseId, lease.LeaseToken, "referred", null, ct)).Value);
        var closedOn = DateTime.UtcNow.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        await using var partner = await ConsolePage.SignInAsync(browser.Browser, host, "shelter");
        await partner.Page.SetViewportSizeAsync(1366, 768);
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        var referral = partner.Page.Locator($"li[data-referral-id='{referralId}']");
        var notice = referral.Locator(".hotline-closed");
        await Expect(notice).ToHaveTextAsync($"The hotline closed this case on {closedOn}, so it can no longer pass messages between you and the person: "
            + "this referral cannot be accepted through the hotline caseworker. Decline it, or ask the hotline, quoting the reference.");
        await Expect(notice).ToBeInViewportAsync();
        await Expect(referral.GetByRole(AriaRole.Button, new() { Name = "Accept" })).ToHaveCountAsync(0);
        await Expect(referral.GetByRole(AriaRole.Button, new() { Name = "Decline" })).ToBeVisibleAsync();
        Assert.Empty(partner.ScriptErrors);
    }

    /// <summary>
    /// Found by the walk-through: for a person who asked for a person before the intake kept an answer, the case view reads "Low
    /// priority" and "Danger unknown", while the partner's page read "Urgency Low", as if danger had been assessed as low.
    /// </summary>
    [Fact]
    public async Task A_partner_reads_the_priority_in_the_case_views_words_and_that_danger_is_unknown()
    {
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        var caseId = await host.SeedCaseAsync("en", PriorityBand.Low, "asked_for_person");
        var partnerId = await host.AddLinkedPartnerAsync(ngo, "Safe House Doha", PartnerServices.Shelter);
        var referralId = await host.SendShelterReferralAsync(caseworker, caseId, partnerId,
            new RecordConsent("person", "sms", null, ["urgency"], null, null, null, null));

        await using var partner = await ConsolePage.SignInAsync(browser.Browser, host, "shelter");
        await partner.Page.SetViewportSizeAsync(1366, 768);
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        var shared = partner.Page.Locator($"li[data-referral-id='{referralId}'] dl.shared");
        await Expect(shared.Locator("dt").First).ToHaveTextAsync("Priority");
        await Expect(shared.Locator("dd").First).ToHaveTextAsync(
            "Low. Danger unknown: the intake kept no answer about it; it is not an assessment.");
        await Expect(partner.Page.Locator("main")).Not.ToContainTextAsync("Urgency");
        Assert.Empty(partner.ScriptErrors);
    }

    /// <summary>
    /// A newcomer's walk: a partner read "Priority: Critical" and nothing else for a person who wrote an urgent word, as if the
    /// hotline had assessed the case with nothing behind it. The reasons (an urgent word, a cry for help, "yes" to danger) are
    /// no ILO indicator and never shared; the page says so. Where the indicators it shows are reasons, the band stands alone.
    /// </summary>
    [Fact]
    public async Task A_partner_reads_that_the_reasons_for_a_priority_are_not_shared_when_it_is_shown_none_of_them()
    {
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        var partnerId = await host.AddLinkedPartnerAsync(ngo, "Safe House Doha", PartnerServices.Shelter);
        var consent = new RecordConsent("person", "sms", null, ["indicators", "urgency"], null, null, null, null);
        var urgentWord = await host.SendShelterReferralAsync(caseworker, await host.SeedCaseAsync("en", PriorityBand.Critical, "urgent_word"), partnerId, consent);
        var documents = await host.SendShelterReferralAsync(caseworker, await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained"), partnerId, consent);

        await using var partner = await ConsolePage.SignInAsync(browser.Browser, host, "shelter");
        await partner.Page.SetViewportSizeAsync(1366, 768);
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        var critical = partner.Page.Locator($"li[data-referral-id='{urgentWord}'] dl.shared");
        await Expect(critical.Locator("dt").First).ToHaveTextAsync("Priority");
        await Expect(critical.Locator("dd").First).ToHaveTextAsync(
            "Critical. The reasons for it are not shared with partners: ask the hotline, quoting the reference.");
        await Expect(critical.Locator("dd").Nth(1)).ToHaveTextAsync("None recorded");
        var high = partner.Page.Locator($"li[data-referral-id='{documents}'] dl.shared");
        await Expect(high.Locator("dd").Nth(0)).ToHaveTextAsync("High");
        await Expect(high.Locator("dd").Nth(1)).ToHaveTextAsync("Retention of identity documents");
        Assert.Empty(partner.ScriptErrors);
    }

    /// <summary>
    /// Found by the walk-through: an NGO account no administrator had linked yet asked for its inbox, got the 403, and the
    /// browser logged "Failed to load resource: ... 403" in its console for what is an expected state. The page now reads the
    /// link from the session and asks nothing it would be refused.
    /// </summary>
    [Fact]
    public async Task An_unlinked_partner_reads_why_its_page_is_empty_and_the_browser_logs_no_error()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("shelter", UserRole.Ngo);
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        await partner.Page.SetViewportSizeAsync(1366, 768);
        var consoleErrors = new List<string>();
        partner.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        await partner.SubmitSignInAsync("shelter");
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await Expect(partner.Page.Locator("#status-message")).ToHaveTextAsync(
            "Your account is not linked to a partner organisation; ask a hotline administrator to link it.");
        await Expect(partner.Page.Locator("#status-message")).ToBeInViewportAsync();
        Assert.Empty(consoleErrors);
        Assert.Empty(partner.ScriptErrors);
    }
}
