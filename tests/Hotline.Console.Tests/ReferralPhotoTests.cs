using System.Text.RegularExpressions;
using Hotline.Api.Partners;
using Hotline.Api.Tests.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Console.Tests;

/// <summary>
/// A referral's consent to share photos, at 1366x768: the caseworker chooses it in the referral's consent form, and the
/// partner's page shows the photo the person sent (taken at 52.520094 N, 13.41 E), with its position only when the
/// person agreed to share that too.
/// </summary>
public sealed class ReferralPhotoTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string PhotosBox = "Photos the person sent (copies without metadata, with the date and time each was taken)";
    private const string LocationBox = "Where the photos were taken (GPS position, and the phone's time zone)";

    [Fact]
    public async Task With_photos_but_not_location_the_partner_sees_the_photo_and_its_time_but_no_position()
    {
        await using var host = await ConsoleHost.StartAsync();
        await ReferAPhotoThroughTheConsoleAsync(host, PhotosBox);

        await using var partner = await OpenPartnerPageAsync(host, "shelter");

        var photo = partner.Page.Locator("#referrals .shared-photos figure");
        await Expect(photo.Locator("img.attachment-photo")).ToBeVisibleAsync();
        await Expect(photo.Locator("img.attachment-photo")).ToHaveJSPropertyAsync("naturalWidth", 240);
        await Expect(photo.Locator(".evidence-panel")).ToContainTextAsync("2026-11-30 14:02:11 (the device's clock)");
        await Expect(photo.Locator(".evidence-position")).ToHaveCountAsync(0);
        await Expect(partner.Page.Locator("main")).Not.ToContainTextAsync("52.52");
        Assert.Empty(partner.ScriptErrors);
    }

    [Fact]
    public async Task With_photos_and_location_the_partner_sees_where_the_photo_was_taken()
    {
        await using var host = await ConsoleHost.StartAsync();
        await ReferAPhotoThroughTheConsoleAsync(host, PhotosBox, LocationBox);

        await using var partner = await OpenPartnerPageAsync(host, "shelter");

        var photo = partner.Page.Locator("#referrals .shared-photos figure");
        await Expect(photo.Locator(".evidence-position")).ToHaveTextAsync("52.520094, 13.410000, 34.5 m");
        await Expect(photo.Locator("img.attachment-photo")).ToBeInViewportAsync();
        Assert.Empty(partner.ScriptErrors);
    }

    /// <summary>
    /// The consent form offered "Photos the person sent" and "Where the photos were taken" on every case, though the person
    /// had sent none: a caseworker could tick them and believe photos went to the partner. A case without a photo offers neither.
    /// </summary>
    [Fact]
    public async Task A_case_without_a_photo_offers_no_photo_boxes_in_the_consent_form()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await AddLinkedPartnerAsync(host, "shelter");
        await host.AskForPersonBySmsAsync(host.NextPhone(), "hello, my boss keeps my passport");
        await using var console = await AtLaptopSizeAsync(await ConsolePage.SignInAsync(browser.Browser, host, "amira"));
        await console.TakeNextCaseAsync();

        var form = await ReferralForms.ProposeToSafeHouseForConsentAsync(console.Page);

        await Expect(form.GetByLabel("Language")).ToBeVisibleAsync();
        await Expect(form.Locator(".consent-fields li")).ToHaveTextAsync([
            "Language", "Nationality", "Region", "Indicators of forced labour", "Priority", "Summary written by the caseworker",
            "How the partner may reach the person"]);
        await Expect(form.GetByLabel(PhotosBox)).ToHaveCountAsync(0);
        await Expect(form.GetByLabel(LocationBox)).ToHaveCountAsync(0);
        await Expect(console.Page.Locator("#referral-refusal")).ToBeHiddenAsync();
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// The form said a consent could cover "Photos the person sent" but not which: the caseworker ticking it was not shown
    /// the photos that would go, and the referral, once sent, did not say how many had, to her or to the partner.
    /// </summary>
    [Fact]
    public async Task The_consent_form_lists_the_photo_that_would_go_and_the_sent_referral_says_how_many_went()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await AddLinkedPartnerAsync(host, "shelter");
        await SendPhotoAsync(host);
        await using var console = await AtLaptopSizeAsync(await ConsolePage.SignInAsync(browser.Browser, host, "amira"));
        await console.TakeNextCaseAsync();

        var form = await ReferralForms.ProposeToSafeHouseForConsentAsync(console.Page);

        var photos = form.Locator(".consent-photos");
        await Expect(photos.Locator(".consent-photos-count")).ToHaveTextAsync(
            new Regex("^With the photos box ticked, 1 photo goes to the partner:$"));
        await Expect(photos.Locator(".consent-photo-list li")).ToHaveCountAsync(1);
        await Expect(photos.Locator(".consent-photo-sent")).ToHaveTextAsync(new Regex(@"^Sent \d{1,2} [A-Z][a-z]{2},? \d{2}:\d{2}$"));
        await photos.Locator("img.consent-photo").HoverAsync();
        await Expect(photos.Locator("img.consent-photo")).ToBeInViewportAsync();
        await Expect(photos.Locator("img.consent-photo")).ToHaveJSPropertyAsync("naturalWidth", 240);

        await form.GetByLabel(PhotosBox).CheckAsync();
        await form.GetByLabel("Consent given by").SelectOptionAsync("person");
        await form.GetByLabel("Consent channel").SelectOptionAsync("sms");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync();
        var referral = console.Page.Locator("#referrals li.referral").Filter(new() { HasText = "Safe House Doha" });
        await Expect(referral.Locator(".referral-photos")).ToHaveTextAsync(new Regex("^1 photo to share once sent$"));
        await referral.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await Expect(referral.Locator(".referral-photos")).ToHaveTextAsync(new Regex("^1 photo shared$"));
        Assert.Empty(console.ScriptErrors);

        await using var partner = await OpenPartnerPageAsync(host, "shelter");
        await Expect(partner.Page.Locator("#referrals .shared-photo-count")).ToHaveTextAsync(new Regex("^1 photo shared$"));
        Assert.Empty(partner.ScriptErrors);
    }

    /// <summary>
    /// A declined referral shares nothing any more, and the caseworker's case view then said "0 photos shared", as if none had
    /// ever gone. It now says nothing is shared after the partner declined; the partner's page says it declined and shows no
    /// photo, no count (that line had no browser test).
    /// </summary>
    [Fact]
    public async Task After_the_partner_declines_neither_page_shows_a_photo_count_and_each_says_nothing_is_shared()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await AddLinkedPartnerAsync(host, "shelter");
        await SendPhotoAsync(host);
        await using var console = await AtLaptopSizeAsync(await ConsolePage.SignInAsync(browser.Browser, host, "amira"));
        await console.TakeNextCaseAsync();
        var form = await ReferralForms.ProposeToSafeHouseForConsentAsync(console.Page);
        await form.GetByLabel(PhotosBox).CheckAsync();
        await form.GetByLabel("Consent given by").SelectOptionAsync("person");
        await form.GetByLabel("Consent channel").SelectOptionAsync("sms");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync();
        var referral = console.Page.Locator("#referrals li.referral").Filter(new() { HasText = "Safe House Doha" });
        await referral.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await Expect(referral.Locator(".referral-photos")).ToHaveTextAsync(new Regex("^1 photo shared$"));

        await using var partner = await OpenPartnerPageAsync(host, "shelter");
        var card = partner.Page.Locator("#referrals li.referral");
        await card.GetByLabel("Decline because").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await card.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();

        await Expect(card.Locator(".declined-details")).ToHaveTextAsync(
            new Regex("^You declined this referral; nothing about the person is shared any more\\.$"));
        await Expect(card.Locator(".declined-details")).ToBeInViewportAsync();
        await Expect(card.Locator(".shared-photo-count")).ToHaveCountAsync(0);
        await Expect(card.Locator("img")).ToHaveCountAsync(0);
        Assert.Empty(partner.ScriptErrors);
        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Declined");
        await Expect(referral.Locator(".referral-photos")).ToHaveTextAsync(new Regex("^Nothing is shared after the partner declined\\.$"));
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// A person sends a photo with GPS; the caseworker amira takes the case, proposes a referral to Safe House Doha (whose
    /// NGO account is "shelter"), finds both photo choices in view in its consent form, ticks <paramref name="boxes"/>,
    /// records the consent and sends the referral.
    /// </summary>
    private async Task ReferAPhotoThroughTheConsoleAsync(ConsoleHost host, params string[] boxes)
    {
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await AddLinkedPartnerAsync(host, "shelter");
        await SendPhotoAsync(host);
        await using var console = await AtLaptopSizeAsync(await ConsolePage.SignInAsync(browser.Browser, host, "amira"));
        await console.TakeNextCaseAsync();
        var form = await ReferralForms.ProposeToSafeHouseForConsentAsync(console.Page);
        // Hovering scrolls the box into view, and unlike a bare scroll it is retried if the list is drawn again meanwhile.
        await form.GetByLabel(PhotosBox).HoverAsync();
        await Expect(form.GetByLabel(PhotosBox)).ToBeInViewportAsync();
        await Expect(form.GetByLabel(LocationBox)).ToBeInViewportAsync();

        foreach (var box in boxes)
        {
            await form.GetByLabel(box).CheckAsync();
        }

        await form.GetByLabel("Consent given by").SelectOptionAsync("person");
        await form.GetByLabel("Consent channel").SelectOptionAsync("sms");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync();
        var referral = console.Page.Locator("#referrals li.referral").Filter(new() { HasText = "Safe House Doha" });
        await referral.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Sent");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>The person asks for someone, then sends a photo with GPS; the test waits until the media job has kept it.</summary>
    private static async Task SendPhotoAsync(ConsoleHost host)
    {
        var phone = host.NextPhone();
        await host.AskForPersonBySmsAsync(phone, "hello, my boss keeps my passport");
        await host.PostMmsAsync(phone, "this is the door they lock", TestPhotos.WithGps(width: 320, height: 240), "image/jpeg");
        await host.WaitForMediaAsync();
    }

    /// <summary>Safe House Doha in the directory, and an NGO account linked to it, written as the admin's pages write them.</summary>
    private static async Task AddLinkedPartnerAsync(ConsoleHost host, string ngoUserName) =>
        await host.AddLinkedPartnerAsync(await host.AddUserAsync(ngoUserName, UserRole.Ngo), "Safe House Doha", PartnerServices.Shelter);

    private async Task<ConsolePage> OpenPartnerPageAsync(ConsoleHost host, string userName)
    {
        var partner = await AtLaptopSizeAsync(await ConsolePage.OpenAsync(browser.Browser, host));
        await partner.SubmitSignInAsync(userName);
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        return partner;
    }

    private static async Task<ConsolePage> AtLaptopSizeAsync(ConsolePage console)
    {
        await console.Page.SetViewportSizeAsync(1366, 768);
        return console;
    }
}
