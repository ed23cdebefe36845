using Hotline.Api.Partners;
using Hotline.Api.Referrals;

namespace Hotline.Console.Tests;

/// <summary>
/// A person in danger who did not agree to have their answers saved: the caseworker reads that they declined, beside the
/// priority and its reason; the partner reads that the indicators were not recorded, never "None recorded".
/// </summary>
public sealed class DeclinedAnswersTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Filipino by its greeting; safe to write (1), in danger ("oo", yes), then "2": do not save my answers.
    private static readonly string[] InDangerThenDeclines = ["kumusta", "1", "oo", "2"];

    [Fact]
    public async Task The_case_view_says_the_person_declined_to_have_answers_saved_and_keeps_the_critical_reason()
    {
        await using var host = await ConsoleHost.StartAsync();
        var phone = host.NextPhone();
        foreach (var text in InDangerThenDeclines)
        {
            await host.PostSmsAsync(phone, text);
        }

        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "maria", UserRole.Caseworker, "fil");
        await console.TakeNextCaseAsync();

        var caseId = (await host.OpenCasesAsync()).Single().Id;
        await Expect(console.Page.Locator("#case-title")).ToHaveTextAsync($"Case {caseId[^8..].ToUpperInvariant()} · Critical priority · Filipino (fil) · SMS");
        await Expect(console.Page.Locator("#triage-reasons")).ToHaveTextAsync("Immediate danger");
        await Expect(console.Page.Locator("#answers")).ToHaveTextAsync(
            "Not saved: the person did not agree to have their answers saved (asked “Can we save your answers so we can help you?”, "
            + "they said no or gave no clear yes). Ask what you need in the conversation. The priority and its reasons above still stand: "
            + "they come from what the person said before.");
        await Expect(console.Page.Locator("#answers")).Not.ToContainTextAsync("No intake answers recorded.");
        await Screenshots.TakeAsync(console.Page, "case-answers-declined");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task The_partner_reads_that_indicators_were_not_recorded_because_the_person_declined_not_none_recorded()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConsoleHost.StartAsync();
        var caseworker = await host.AddUserAsync("maria", UserRole.Caseworker, "fil");
        var ngo = await host.AddUserAsync("shelter", UserRole.Ngo);
        var phone = host.NextPhone();
        foreach (var text in InDangerThenDeclines)
        {
            await host.PostSmsAsync(phone, text);
        }

        var caseId = Guid.Parse((await host.App.ScalarAsync("SELECT Id FROM Cases"))!);
        var partnerId = await host.AddLinkedPartnerAsync(ngo, "Safe House Manila", PartnerServices.Shelter);

        var referralId = await host.SendShelterReferralAsync(caseworker, caseId, partnerId,
            new RecordConsent("person", "sms", null, ["indicators", "urgency", "summary"], "Said she is in danger; needs a safe place tonight.",
                null, null, null));

        await using var partner = await ConsolePage.SignInAsync(browser.Browser, host, "shelter");
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        var referral = partner.Page.Locator($"li[data-referral-id='{referralId}']");
        await Expect(referral.Locator("dd").Nth(1)).ToHaveTextAsync(
            "Not recorded: the person did not agree to have their answers saved; see the summary from the caseworker.");
        await Expect(referral).Not.ToContainTextAsync("None recorded");
        await Expect(referral.Locator("dd").Nth(0)).ToHaveTextAsync("Critical. The reasons for it are not shared with partners: ask the hotline, quoting the reference.");
        Assert.Empty(partner.ScriptErrors);
    }
}
