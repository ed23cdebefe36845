using Hotline.Api.Accountability;
using Hotline.Api.Partners;
using Hotline.Api.Referrals;
using Hotline.Api.Tests.Accountability;

namespace Hotline.Console.Tests;

public sealed class ReferralTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_caseworker_proposes_a_referral_records_consent_and_sends_it()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        var page = console.Page;
        await Expect(page.Locator("#case-facts")).ToContainTextAsync("Yours");
        await Expect(page.Locator("#referrals")).ToContainTextAsync("No referrals yet.");

        var referral = await ReferralForms.ProposeToSafeHouseAsync(page);

        // A consent without who gave it is refused by the server, and its words are shown as they are.
        var form = referral.Locator("form.consent-form");
        await Expect(form).ToBeVisibleAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync();
        await Expect(page.Locator("#referral-refusal")).ToContainTextAsync("Say who gave consent");

        await form.GetByLabel("Language").CheckAsync();
        await form.GetByLabel("Summary written by the caseworker").CheckAsync();
        await form.GetByLabel("Consent given by").SelectOptionAsync("person");
        await form.GetByLabel("Consent channel").SelectOptionAsync("sms");
        await form.GetByLabel("Summary for the partner (if shared)").FillAsync("Needs a safe place tonight.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync();
        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Consent recorded");
        await Expect(page.Locator("#referral-refusal")).ToBeHiddenAsync();

        await referral.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();

        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Sent");
        await Expect(referral.GetByRole(AriaRole.Button, new() { Name = "Withdraw" })).ToBeVisibleAsync();
        await Expect(page.Locator("a[href='/console/statistics.html']")).ToBeVisibleAsync();
        await Expect(page.Locator("a[href='/console/partners.html']")).ToBeHiddenAsync();
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// The intake's last question asks where the person is ("Which city or area are you in now?"); the consent form's region
    /// started empty, and the caseworker copied the answer by hand from the case's answers. It is there now, not shared until
    /// "Region" is ticked.
    /// </summary>
    [Fact]
    public async Task The_consent_form_starts_with_the_region_the_person_gave_in_the_intake_and_shares_it_only_when_ticked()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        var phone = host.NextPhone();
        // Safe to write, not in danger, consent, nine indicator answers, then the place.
        foreach (var message in new[] { "hello", "1", "2", "1", "1", "2", "1", "2", "2", "1", "1", "2", "2", "Al Quoz camp 7, room 12" })
        {
            await host.PostSmsAsync(phone, message);
        }

        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        await Expect(console.Page.Locator("#answers")).ToContainTextAsync("Al Quoz camp 7, room 12");
        var referral = await ReferralForms.ProposeToSafeHouseAsync(console.Page);
        var form = referral.Locator("form.consent-form");

        await Expect(form.GetByLabel("Region (if shared)")).ToHaveValueAsync("Al Quoz camp 7, room 12");
        await Expect(form.GetByLabel("Region", new() { Exact = true })).Not.ToBeCheckedAsync();
        await form.GetByLabel("Region", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Consent given by").SelectOptionAsync("person");
        await form.GetByLabel("Consent channel").SelectOptionAsync("sms");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync();
        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Consent recorded");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_partners_answer_shows_in_the_open_case_without_a_reload()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        var partnerId = await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        var page = console.Page;
        await Expect(page.Locator("#referrals")).ToContainTextAsync("No referrals yet.");
        var workflow = host.Services.GetRequiredService<ReferralWorkflow>();
        var proposed = await workflow.ProposeAsync(caseworker, caseId, new ProposeReferral(partnerId, PartnerServices.Shelter), ct);
        var referralId = proposed.Value!.Id;
        await workflow.RecordConsentAsync(caseworker, caseId, referralId,
            new RecordConsent("person", "sms", null, [], null, null, null, null), ct);
        await workflow.SendAsync(caseworker, caseId, referralId, ct);
        var referral = page.Locator("#referrals li.referral").Filter(new() { HasText = "Safe House Doha" });
        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Sent");

        await host.Services.GetRequiredService<PartnerInbox>().AcceptAsync(ngo with { OrganisationId = partnerId }, referralId, ct);

        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Accepted");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found by a newcomer: a case card gave "Referral declined" the same green badge as "Referral accepted", as if done; a
    /// declined referral means the person still needs a partner, and its badge is a warning.
    /// </summary>
    [Fact]
    public async Task At_1366x768_a_declined_referrals_badge_on_a_case_card_is_a_warning_apart_from_an_accepted_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        var partnerId = await host.AddLinkedPartnerAsync(ngo, "Safe House Doha", PartnerServices.Shelter);
        var consent = new RecordConsent("person", "sms", null, [], null, null, null, null);
        var acceptedCase = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        var declinedCase = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        var inbox = host.Services.GetRequiredService<PartnerInbox>();
        await inbox.AcceptAsync(ngo with { OrganisationId = partnerId }, await host.SendShelterReferralAsync(caseworker, acceptedCase, partnerId, consent), ct);
        await inbox.DeclineAsync(ngo with { OrganisationId = partnerId }, await host.SendShelterReferralAsync(caseworker, declinedCase, partnerId, consent),
            new DeclineReferral("no_capacity"), ct);

        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);

        var accepted = console.Item("queue", acceptedCase).Locator(".referral-stage");
        var declined = console.Item("queue", declinedCase).Locator(".referral-stage");
        await Expect(accepted).ToHaveTextAsync("Referral accepted");
        await Expect(declined).ToHaveTextAsync("Referral declined");
        await Expect(accepted).ToHaveClassAsync("referral-stage referral-accepted");
        await Expect(declined).ToHaveClassAsync("referral-stage referral-declined");
        await Expect(accepted).ToHaveCSSAsync("background-color", "rgb(233, 245, 236)");
        await Expect(declined).ToHaveCSSAsync("background-color", "rgb(255, 244, 214)");
        await Expect(declined).ToHaveAttributeAsync("title", "No partner took this referral: the person still needs one");
        await Screenshots.TakeAsync(console.Page, "referral-declined-badge");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task What_is_ticked_and_typed_in_a_consent_form_stays_when_another_referral_changes_meanwhile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var ngo = await host.AddUserAsync("lawyers", UserRole.Ngo);
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        var legalAidId = await host.AddPartnerAsync("Legal Aid Doha", PartnerServices.LegalAid);
        var workflow = host.Services.GetRequiredService<ReferralWorkflow>();
        var legalAid = (await workflow.ProposeAsync(caseworker, caseId, new ProposeReferral(legalAidId, PartnerServices.LegalAid), ct)).Value!.Id;
        await workflow.RecordConsentAsync(caseworker, caseId, legalAid, new RecordConsent("person", "sms", null, [], null, null, null, null), ct);
        await workflow.SendAsync(caseworker, caseId, legalAid, ct);
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        var form = (await ReferralForms.ProposeToSafeHouseAsync(console.Page)).Locator("form.consent-form");
        await form.GetByLabel("Language").CheckAsync();
        await form.GetByLabel("Region", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Region (if shared)").FillAsync("Al Rayyan");
        await form.GetByLabel("Summary for the partner (if shared)").FillAsync("Needs a safe place tonight.");

        await host.Services.GetRequiredService<PartnerInbox>().AcceptAsync(ngo with { OrganisationId = legalAidId }, legalAid, ct);

        var answered = console.Page.Locator("#referrals li.referral").Filter(new() { HasText = "Legal Aid Doha" });
        await Expect(answered.Locator(".referral-status")).ToHaveTextAsync("Accepted");
        await Expect(form.GetByLabel("Language")).ToBeCheckedAsync();
        await Expect(form.GetByLabel("Region", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(form.GetByLabel("Region (if shared)")).ToHaveValueAsync("Al Rayyan");
        await Expect(form.GetByLabel("Summary for the partner (if shared)")).ToHaveValueAsync("Needs a safe place tonight.");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task Each_consent_checkbox_sits_on_the_line_of_the_item_it_shares_before_its_words()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        var partnerId = await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await host.Services.GetRequiredService<ReferralWorkflow>()
            .ProposeAsync(caseworker, caseId, new ProposeReferral(partnerId, PartnerServices.Shelter), ct);
        await console.TakeNextCaseAsync();
        var referral = console.Page.Locator("#referrals li.referral").Filter(new() { HasText = "Safe House Doha" });
        await referral.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        var items = referral.Locator(".consent-fields li");
        await Expect(items).Not.ToHaveCountAsync(0);

        foreach (var item in await items.AllAsync())
        {
            var box = (await item.Locator("input[type=checkbox]").BoundingBoxAsync())!;
            var words = (await item.Locator("label span").BoundingBoxAsync())!;
            var middle = box.Y + box.Height / 2;
            Assert.InRange(middle, words.Y, words.Y + words.Height);
            Assert.True(box.X + box.Width <= words.X, $"The box of '{await item.InnerTextAsync()}' is not before its words.");
        }
    }

    [Fact]
    public async Task Consent_recorded_in_another_browser_hours_after_the_proposal_takes_the_summary_written_with_it_and_no_browser_keeps_it()
    {
        var ct = TestContext.Current.CancellationToken;
        const string Summary = "Needs a safe place tonight.";
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        await using (var proposing = await ConsolePage.SignInAsync(browser.Browser, host, "amira"))
        {
            await proposing.Page.SetViewportSizeAsync(1366, 768);
            await proposing.TakeNextCaseAsync();
            await ReferralForms.ProposeToSafeHouseAsync(proposing.Page);
            // The proposal form asks for no summary, and says when it is written.
            await proposing.Page.Locator("summary", new() { HasText = "Propose a referral" }).ClickAsync();
            await Expect(proposing.Page.Locator("#referral-summary-when")).ToBeVisibleAsync();
            await Expect(proposing.Page.Locator("#referral-summary-when")).ToHaveTextAsync(
                "You write the summary for the partner when you record the person's consent, once you know what they agree to share.");
            await Expect(proposing.Page.Locator("#referral-form textarea")).ToHaveCountAsync(0);
        }

        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        var page = console.Page;
        await page.SetViewportSizeAsync(1366, 768);
        await console.Item("my-cases", caseId).ClickAsync();
        var referral = page.Locator("#referrals li.referral").Filter(new() { HasText = "Safe House Doha" });
        await referral.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        var form = referral.Locator("form.consent-form");
        await form.GetByLabel("Summary for the partner (if shared)").FillAsync(Summary);
        await form.GetByRole(AriaRole.Button, new() { Name = "Not now" }).ClickAsync();
        Assert.DoesNotContain(Summary, await StorageAsync(page), StringComparison.Ordinal);

        await referral.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        await Expect(form.GetByLabel("Summary for the partner (if shared)")).ToHaveValueAsync("");
        await form.GetByLabel("Summary written by the caseworker").CheckAsync();
        await form.GetByLabel("Summary for the partner (if shared)").FillAsync(Summary);
        await form.GetByLabel("Consent given by").SelectOptionAsync("person");
        await form.GetByLabel("Consent channel").SelectOptionAsync("sms");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync();

        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Consent recorded");
        var stored = (await host.Services.GetRequiredService<ReferralWorkflow>().ListAsync(caseworker, caseId, ct)).Value!;
        Assert.Equal(Summary, Assert.Single(stored).Consent!.Summary);
        Assert.DoesNotContain(Summary, await StorageAsync(page), StringComparison.Ordinal);
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_summary_an_earlier_version_left_in_the_tabs_session_storage_is_removed_when_the_console_starts()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        var page = console.Page;
        await page.EvaluateAsync("() => window.sessionStorage.setItem('hotline.referralSummary.0191f0c2-0000-7000-8000-000000000001', 'Needs a safe place tonight.')");

        await page.ReloadAsync();
        await console.WaitUntilLiveAsync();

        Assert.DoesNotContain("Needs a safe place tonight.", await StorageAsync(page), StringComparison.Ordinal);
    }

    /// <summary>Everything the page's origin keeps in the browser's session and local storage, keys and values.</summary>
    private static Task<string> StorageAsync(IPage page) =>
        page.EvaluateAsync<string>("() => JSON.stringify([{ ...window.sessionStorage }, { ...window.localStorage }])");

    [Fact]
    public async Task Closing_as_referred_with_only_a_proposed_referral_is_refused_beside_the_close_button()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        var partnerId = await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        await host.Services.GetRequiredService<ReferralWorkflow>()
            .ProposeAsync(caseworker, caseId, new ProposeReferral(partnerId, PartnerServices.Shelter), ct);
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        var page = console.Page;
        await page.SetViewportSizeAsync(1366, 768);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await console.TakeNextCaseAsync();
        await Expect(page.Locator("#referrals .referral-status")).ToHaveTextAsync("Proposed");

        await page.GetByLabel("Close with an outcome").SelectOptionAsync("referred");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close case" }).ClickAsync();

        var refusal = page.Locator("#close-form .form-refusal");
        await Expect(refusal).ToHaveTextAsync(
            "This case has no referral sent to a partner, so it cannot close as referred. Send the referral first (a proposed referral is not sent), or choose another outcome.");
        await Expect(refusal).ToBeInViewportAsync();
        Assert.Equal("Claimed", Assert.Single(await host.OpenCasesAsync()).Status);
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found by a newcomer: a referral sent with "How to reach the person: Through the hotline caseworker", then the case closed
    /// as referred; the partner accepted, and nobody could write to the person until they wrote again. Closing now says so.
    /// </summary>
    [Fact]
    public async Task Closing_while_a_partner_was_told_to_reach_the_person_through_the_hotline_says_nobody_can_write_to_them()
    {
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        var partnerId = await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        await host.SendShelterReferralAsync(caseworker, caseId, partnerId,
            new RecordConsent("person", "sms", null, ["contact_route"], null, null, null, "through_hotline"));
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        await Expect(console.Page.Locator("#referrals .referral-status")).ToHaveTextAsync("Sent");
        await console.Page.GetByLabel("Close with an outcome").SelectOptionAsync("referred");
        var asked = console.AnswerQuestions(accept: false);

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Close case" }).ClickAsync();

        await Expect(console.Page.Locator("#case")).ToBeVisibleAsync();
        Assert.Equal(["Close this case as \"Referred to a partner\"? Nobody can reply to this person on it afterwards. "
            + "A partner was told to reach the person through the hotline: nobody can write to them until they write again."], asked);
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found by the walk-through: a referral whose consent shares no contact route leaves the partner only the hotline, like
    /// "Through the hotline caseworker", but closing its case said nothing of it.
    /// </summary>
    [Fact]
    public async Task Closing_while_a_partner_has_no_contact_route_says_nobody_can_write_to_the_person()
    {
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        var partnerId = await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        await host.SendShelterReferralAsync(caseworker, caseId, partnerId, new RecordConsent("person", "sms", null, ["language"], null, null, null, null));
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        await Expect(console.Page.Locator("#referrals .referral-status")).ToHaveTextAsync("Sent");
        await console.Page.GetByLabel("Close with an outcome").SelectOptionAsync("referred");
        var asked = console.AnswerQuestions(accept: false);

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Close case" }).ClickAsync();

        await Expect(console.Page.Locator("#case")).ToBeVisibleAsync();
        Assert.Equal(["Close this case as \"Referred to a partner\"? Nobody can reply to this person on it afterwards. "
            + "A partner was told to reach the person through the hotline: nobody can write to them until they write again."], asked);
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task After_a_proposal_the_form_is_empty_and_folded_and_the_consent_form_stays_open_when_record_consent_is_looked_for()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        var page = console.Page;
        await page.SetViewportSizeAsync(1366, 768);
        await console.TakeNextCaseAsync();

        var referral = await ReferralForms.ProposeToSafeHouseAsync(page);

        await Expect(page.Locator("#referral-status")).ToHaveTextAsync(
            "Referral to Safe House Doha proposed. Record the person's consent below; nothing is sent before that.");
        await Expect(page.Locator("#propose-referral")).Not.ToHaveAttributeAsync("open", "");
        await Expect(page.Locator("#referral-service")).ToHaveValueAsync("");
        await Expect(page.Locator("#referral-partner")).ToHaveValueAsync("");
        // The consent form is open already: no "Record consent" button is offered that would fold it away.
        await Expect(referral.Locator("form.consent-form")).ToBeVisibleAsync();
        await Expect(referral.GetByRole(AriaRole.Button, new() { Name = "Record consent" })).ToHaveCountAsync(0);

        await referral.GetByRole(AriaRole.Button, new() { Name = "Not now" }).ClickAsync();
        await Expect(referral.Locator("form.consent-form")).ToHaveCountAsync(0);
        await referral.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        var form = referral.Locator("form.consent-form");
        await Expect(form).ToBeVisibleAsync();
        await form.GetByLabel("Consent given by").SelectOptionAsync("person");
        await form.GetByLabel("Consent channel").SelectOptionAsync("sms");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync();

        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Consent recorded");
        await Expect(page.Locator("#referral-status")).ToHaveTextAsync("Consent recorded for the referral to Safe House Doha. Send it when ready.");
        await Expect(page.Locator("#referrals li.referral")).ToHaveCountAsync(1);
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task The_caseworker_sees_the_reference_the_partner_quotes_on_the_referral()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        var partnerId = await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        var workflow = host.Services.GetRequiredService<ReferralWorkflow>();
        var referralId = (await workflow.ProposeAsync(caseworker, caseId, new ProposeReferral(partnerId, PartnerServices.Shelter), ct)).Value!.Id;
        await workflow.RecordConsentAsync(caseworker, caseId, referralId, new RecordConsent("person", "sms", null, [], null, null, null, null), ct);
        await workflow.SendAsync(caseworker, caseId, referralId, ct);
        await using (var session = await host.Services.GetRequiredService<Database>().BeginWriteAsync(ct))
        {
            await host.Services.GetRequiredService<UserRepository>().UpdateOrganisationAsync(session, ngo.Id, partnerId, ct);
            await session.CommitAsync(ct);
        }

        var reference = "Reference " + referralId.ToString()[^8..].ToUpperInvariant();

        await using var partner = await ConsolePage.SignInAsync(browser.Browser, host, "shelter");
        await Expect(partner.Page.Locator($"li[data-referral-id='{referralId}'] .reference")).ToHaveTextAsync(reference);
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();

        await Expect(console.Page.Locator($"#referrals li[data-referral-id='{referralId}'] .referral-reference")).ToHaveTextAsync(reference);
    }

    /// <summary>Proposes a shelter referral to Safe House Doha through the case's referral form.</summary>
    [Fact]
    public async Task Each_referral_step_a_caseworker_takes_is_one_referrals_read_in_the_audit_trail()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConsoleHost.StartAsync();
        var amira = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        var partnerId = await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        var page = console.Page;
        await page.SetViewportSizeAsync(1366, 768);
        await console.TakeNextCaseAsync();
        await Expect(page.Locator("#referrals")).ToContainTextAsync("No referrals yet.");
        var read = $"{amira.Id} case.referrals-read {caseId} succeeded";
        Assert.Equal([read], await ReferralReadsRecordedAsync(host));

        var referral = await ReferralForms.ProposeToSafeHouseAsync(page);
        Assert.Equal([read, read], await ReferralReadsRecordedAsync(host));

        var form = referral.Locator("form.consent-form");
        await form.GetByLabel("Consent given by").SelectOptionAsync("person");
        await form.GetByLabel("Consent channel").SelectOptionAsync("sms");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync();
        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Consent recorded");
        Assert.Equal([read, read, read], await ReferralReadsRecordedAsync(host));

        await referral.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Sent");
        Assert.Equal([read, read, read, read], await ReferralReadsRecordedAsync(host));

        // The partner's answer is nobody's step here: the open case reads its referrals once to show it.
        var referralId = (await host.Services.GetRequiredService<ReferralWorkflow>().ListAsync(amira, caseId, ct)).Value!.Single().Id;
        await host.Services.GetRequiredService<PartnerInbox>().AcceptAsync(ngo with { OrganisationId = partnerId }, referralId, ct);
        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Accepted");
        await Task.Delay(1_000, ct);
        Assert.Equal([read, read, read, read, read], await ReferralReadsRecordedAsync(host));
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>The case.referrals-read rows, read once anything the console does on a push it heard would have been recorded.</summary>
    private static async Task<IReadOnlyList<string>> ReferralReadsRecordedAsync(ConsoleHost host)
    {
        await Task.Delay(500, TestContext.Current.CancellationToken);
        return await AuditRows.ReadAsync(host.App, AuditActions.CaseReferralsRead);
    }
}
