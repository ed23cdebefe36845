namespace Hotline.Console.Tests;

/// <summary>A role has one name, written the same way wherever a page shows it: the header, the accounts page and the supervisor view.</summary>
public sealed class RoleNameTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_accounts_page_names_each_role_in_its_rows_its_form_and_the_header_alike()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("ines", UserRole.Admin, "en");
        await host.AddUserAsync("ravi", UserRole.Caseworker, "ne");
        await host.AddUserAsync("sofia", UserRole.Supervisor, "en");
        await host.AddUserAsync("shelter", UserRole.Ngo);
        await host.AddUserAsync("meera", UserRole.Reviewer, "ne");
        await using var admin = await ConsolePage.SignInAsync(browser.Browser, host, "ines");

        await admin.Page.GotoAsync("/console/accounts.html");
        await Expect(admin.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await Expect(admin.Page.Locator("#who")).ToHaveTextAsync("ines · Administrator");
        string[] named = ["Caseworker", "Supervisor", "NGO partner", "Administrator", "Translation reviewer"];
        await Expect(admin.Page.Locator("#role option")).ToHaveTextAsync(named);
        foreach (var (userName, role) in new[] { ("ravi", "Caseworker"), ("sofia", "Supervisor"), ("shelter", "NGO partner"), ("ines", "Administrator"), ("meera", "Translation reviewer") })
        {
            await Expect(admin.Page.Locator($"#accounts tr[data-user-name='{userName}'] td").Nth(1)).ToHaveTextAsync(role);
        }
    }

    [Fact]
    public async Task The_supervisor_view_names_roles_as_the_header_does()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("sofia", UserRole.Supervisor, "en");
        var ravi = await host.AddUserAsync("ravi", UserRole.Caseworker, "ne");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "sofia");
        await Expect(console.Page.Locator("#who")).ToHaveTextAsync("sofia · Supervisor");

        await console.Page.GotoAsync("/console/supervisor.html");

        await Expect(console.Page.Locator("#who")).ToHaveTextAsync("sofia · Supervisor");
        await Expect(console.Page.Locator($"#overview-caseworkers tr[data-user-id='{ravi.Id}'] td").Nth(1)).ToHaveTextAsync("Caseworker");
    }
}
