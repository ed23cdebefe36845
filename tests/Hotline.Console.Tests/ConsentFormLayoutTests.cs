using Hotline.Api.Partners;

namespace Hotline.Console.Tests;

/// <summary>
/// A newcomer's walk, at 1366x768: the referral's consent form, long and at the foot of the side column, scrolled the whole
/// page to reach "Save consent", and the conversation column beside it was blank, the transcript scrolled away above. The
/// caseworker records what the person agrees to while reading what they wrote: the conversation stays in view.
/// </summary>
public sealed class ConsentFormLayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1280, 800)]
    public async Task With_the_consent_form_scrolled_into_view_the_conversation_stays_beside_it(int width, int height)
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.AddLinkedPartnerAsync(await host.AddUserAsync("shelter", UserRole.Ngo), "Safe House Doha", PartnerServices.Shelter);
        await host.AskForPersonBySmsAsync(host.NextPhone(), "hello, my boss keeps my passport");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(width, height);
        await console.TakeNextCaseAsync();

        var form = await ReferralForms.ProposeToSafeHouseForConsentAsync(console.Page);
        await form.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(console.Page, $"consent-form-{width}x{height}");

        await Expect(form.GetByRole(AriaRole.Button, new() { Name = "Save consent" })).ToBeInViewportAsync();
        await Expect(console.Page.Locator("#transcript")).ToBeInViewportAsync();
        await Expect(console.Page.Locator("#transcript li").Last).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.Empty(console.ScriptErrors);
    }
}
