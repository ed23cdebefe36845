using Hotline.Api.Partners;

namespace Hotline.Console.Tests;

/// <summary>The admin's partner directory at 1366x768.</summary>
public sealed class PartnersPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Linking_an_ngo_account_is_confirmed_beside_the_select_that_was_changed()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("shelter", UserRole.Ngo);
        for (var i = 1; i <= 8; i++)
        {
            await host.AddPartnerAsync($"Partner {i}", PartnerServices.Shelter);
        }

        await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        var row = console.Page.Locator("#accounts tr").Filter(new() { HasText = "shelter" });
        await row.Locator("select").ScrollIntoViewIfNeededAsync();

        await row.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "Safe House Doha" });

        await Expect(row.GetByRole(AriaRole.Status)).ToHaveTextAsync("Linked to Safe House Doha.");
        await Expect(row.GetByRole(AriaRole.Status)).ToBeInViewportAsync();
        await row.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "Not linked" });
        await Expect(row.GetByRole(AriaRole.Status)).ToHaveTextAsync("Not linked to any partner now.");
        await Expect(console.Page.Locator("#status-message")).ToHaveTextAsync("");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task Adding_a_partner_says_it_is_added_in_view_and_a_refusal_is_shown_as_it_is()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddPartnerAsync("Safe House Doha", PartnerServices.Shelter);
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await console.Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Migrant Legal Aid");
        await console.Page.Locator($"#services input[value='{PartnerServices.Shelter}']").CheckAsync();
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Add partner" }).ClickAsync();

        await Expect(console.Page.Locator("#status-message")).ToHaveTextAsync("Migrant Legal Aid is added.");
        await Expect(console.Page.Locator("#status-message")).ToBeInViewportAsync();
        await Expect(console.Page.Locator("#partners tr").Filter(new() { HasText = "Migrant Legal Aid" })).ToHaveCountAsync(1);

        await console.Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Safe House Doha");
        await console.Page.Locator($"#services input[value='{PartnerServices.Shelter}']").CheckAsync();
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Add partner" }).ClickAsync();

        await Expect(console.Page.Locator("#form-problem")).ToHaveTextAsync("A partner named 'Safe House Doha' already exists.");
        await Expect(console.Page.Locator("#form-problem")).ToBeInViewportAsync();
        await Expect(console.Page.Locator("#status-message")).ToHaveTextAsync("");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_language_the_intake_does_not_have_is_refused_for_a_partner_as_for_an_account()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await console.Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Migrant Legal Aid");
        await console.Page.Locator($"#services input[value='{PartnerServices.Shelter}']").CheckAsync();
        await console.Page.GetByLabel("Languages").FillAsync("en, zz");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Add partner" }).ClickAsync();

        await Expect(console.Page.Locator("#form-problem"))
            .ToHaveTextAsync("'zz' is not a language of the intake; choose from en, ar, hi, ur, bn, ne, ml, ta, te, si, fil, id, am, sw.");
        await Expect(console.Page.Locator("#form-problem")).ToBeInViewportAsync();
        await Screenshots.TakeAsync(console.Page, "partners-unknown-language");
        await Expect(console.Page.Locator("#partners")).ToContainTextAsync("No partner yet.");
        Assert.Empty(console.ScriptErrors);
    }
}
