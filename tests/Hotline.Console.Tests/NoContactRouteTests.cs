using System.Text.RegularExpressions;
using Hotline.Api.Partners;

namespace Hotline.Console.Tests;

/// <summary>
/// A referral sent without a contact route, at 1366x768. The consent form let it go without a word, and the partner's card
/// said nothing about how to reach the person: no route, no way back. The caseworker is now told in the form, and the
/// partner's card says to come back through the hotline; the person's number is never shown. The card and the form used to
/// say the partner could "answer in this referral", which its page has no way to do: they now say to contact the hotline.
/// </summary>
public sealed class NoContactRouteTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string RouteBox = "How the partner may reach the person";
    private const string NoRoute = "^Without a contact route the partner cannot reach the person: they must contact the hotline, "
        + "quoting the referral's reference, and you pass their messages on\\.$";

    [Fact]
    public async Task The_caseworker_is_told_before_sending_and_the_partner_reads_to_come_back_through_the_hotline()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.AddLinkedPartnerAsync(await host.AddUserAsync("shelter", UserRole.Ngo), "Safe House Doha", PartnerServices.Shelter);
        var phone = host.NextPhone();
        await host.AskForPersonBySmsAsync(phone, "hello, my boss keeps my passport");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.TakeNextCaseAsync();

        var form = await ReferralForms.ProposeToSafeHouseForConsentAsync(console.Page);

        var warning = form.Locator(".consent-no-route");
        await Expect(warning).ToHaveTextAsync(new Regex(NoRoute));
        await form.GetByLabel(RouteBox).CheckAsync();
        await Expect(warning).ToBeHiddenAsync();
        await form.GetByLabel(RouteBox).UncheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ScrollIntoViewIfNeededAsync();
        await Expect(warning).ToBeInViewportAsync();
        await form.GetByLabel("Language").CheckAsync();
        await form.GetByLabel("Consent given by").SelectOptionAsync("person");
        await form.GetByLabel("Consent channel").SelectOptionAsync("sms");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync();
        var referral = console.Page.Locator("#referrals li.referral").Filter(new() { HasText = "Safe House Doha" });
        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Consent recorded");
        await Expect(referral.Locator(".referral-no-route")).ToHaveTextAsync(new Regex(NoRoute));
        await referral.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Sent");
        var reference = (await referral.Locator(".referral-reference").TextContentAsync())!["Reference ".Length..];
        Assert.Empty(console.ScriptErrors);

        await using var partner = await ConsolePage.SignInAsync(browser.Browser, host, "shelter");
        await partner.Page.SetViewportSizeAsync(1366, 768);
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        var card = partner.Page.Locator("#referrals li.referral");
        await Expect(card.Locator("dd.contact-route")).ToHaveTextAsync(new Regex(
            "^Only through the hotline: the person did not agree to share a way to reach them\\. Contact the hotline, quoting "
            + $"reference {reference}; the caseworker passes your messages on while the person is in touch\\.$"));
        await Expect(card.Locator("dd.contact-route")).ToBeInViewportAsync();
        await Expect(partner.Page.Locator("body")).Not.ToContainTextAsync(phone[^7..]);
        Assert.Empty(partner.ScriptErrors);
    }
}
