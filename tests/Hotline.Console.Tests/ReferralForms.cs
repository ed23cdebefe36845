using Hotline.Api.Partners;

namespace Hotline.Console.Tests;

/// <summary>The case view's referral form, as a caseworker fills it in.</summary>
internal static class ReferralForms
{
    /// <summary>Proposes a shelter referral to Safe House Doha through the case's referral form; the referral, once it reads "Proposed".</summary>
    public static async Task<ILocator> ProposeToSafeHouseAsync(IPage page)
    {
        await page.Locator("summary", new() { HasText = "Propose a referral" }).ClickAsync();
        await page.Locator("#referral-service").SelectOptionAsync(PartnerServices.Shelter);
        await Expect(page.Locator("#referral-partner option", new() { HasText = "Safe House Doha" })).ToHaveCountAsync(1);
        await page.Locator("#referral-partner").SelectOptionAsync(new SelectOptionValue { Label = "Safe House Doha" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose referral" }).ClickAsync();
        var referral = page.Locator("#referrals li.referral").Filter(new() { HasText = "Safe House Doha" });
        await Expect(referral.Locator(".referral-status")).ToHaveTextAsync("Proposed");
        return referral;
    }

    /// <summary>Proposes as <see cref="ProposeToSafeHouseAsync"/>; the referral's consent form, open.</summary>
    public static async Task<ILocator> ProposeToSafeHouseForConsentAsync(IPage page)
    {
        var form = (await ProposeToSafeHouseAsync(page)).Locator("form.consent-form");
        await Expect(form).ToBeVisibleAsync();
        return form;
    }
}
