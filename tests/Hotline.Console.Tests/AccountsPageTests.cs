namespace Hotline.Console.Tests;

/// <summary>The account lifecycle as people meet it at 1366x768: the admin's accounts page, a forced new password, and one's own change.</summary>
public sealed class AccountsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NewPassword = "lanterns over the harbour";

    [Fact]
    public async Task The_admin_disables_a_caseworker_on_the_accounts_page_and_their_session_ends()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("ines", UserRole.Admin, "en");
        await using var ravi = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "ravi", UserRole.Caseworker, "ne");
        await using var admin = await OpenAccountsPageAsync(host);

        var row = admin.Page.Locator("#accounts tr[data-user-name='ravi']");
        await Expect(row).ToContainTextAsync("Caseworker");
        await Expect(row).ToContainTextAsync("Nepali");
        var asked = admin.AnswerQuestions(accept: true);
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Disable ravi" }).ClickAsync();

        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("Disabled");
        Assert.Equal(["Disable ravi? Their sessions end now, and any cases they hold go back to the queue."], asked);
        await Expect(admin.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("ravi is disabled; their sessions have ended.");
        await Expect(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Enable ravi" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(admin.Page, "accounts-page");
        // Ravi's open console is told why it is at the sign-in form, within a pass of the ended-session sweep.
        await Expect(ravi.Page).ToHaveURLAsync($"{host.BaseUrl}/console/signin.html?ended=disabled", new() { Timeout = 10_000 });
        await Expect(ravi.Page.Locator("#signed-out")).ToHaveTextAsync("This account was disabled, so you were signed out. An administrator can enable it again.");
        await ravi.Page.SetViewportSizeAsync(1366, 768);
        await Screenshots.TakeAsync(ravi.Page, "signed-in-account-disabled");
        Assert.Equal(401, (await ravi.Context.APIRequest.GetAsync("/api/session")).Status);
        Assert.Empty(admin.ScriptErrors);
        Assert.Empty(ravi.ScriptErrors);
    }

    /// <summary>
    /// Found by the walk-through: the Development admin's row read "English, Arabic, Hindi, ..." (14 languages), though an admin
    /// works on no case. Languages are listed only for the roles that use them: those that work on cases, and a reviewer, who
    /// corrects translations in hers (the next walk found a Nepali reviewer's row reading "works on no cases").
    /// </summary>
    [Fact]
    public async Task Languages_are_listed_only_for_accounts_whose_role_uses_them()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("ines", UserRole.Admin, "en", "ar", "ne");
        await host.AddUserAsync("ravi", UserRole.Caseworker, "ne");
        await host.AddUserAsync("shelter", UserRole.Ngo, "en");
        await host.AddUserAsync("meera", UserRole.Reviewer, "ne");

        await using var admin = await OpenAccountsPageAsync(host);

        await Expect(admin.Page.Locator("#accounts tr[data-user-name='ravi'] td").Nth(2)).ToHaveTextAsync("Nepali (ne)");
        await Expect(admin.Page.Locator("#accounts tr[data-user-name='meera'] td").Nth(2)).ToHaveTextAsync("Nepali (ne)");
        await Expect(admin.Page.Locator("#accounts tr[data-user-name='ines'] td").Nth(2)).ToHaveTextAsync("– (uses no language)");
        await Expect(admin.Page.Locator("#accounts tr[data-user-name='shelter'] td").Nth(2)).ToHaveTextAsync("– (uses no language)");
        Assert.Empty(admin.ScriptErrors);
    }

    [Fact]
    public async Task Cancelling_the_question_before_a_disable_a_reset_or_a_change_leaves_the_account_and_its_session_as_they_were()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("ines", UserRole.Admin, "en");
        await using var ravi = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "ravi", UserRole.Caseworker, "ne");
        await using var admin = await OpenAccountsPageAsync(host);
        var row = admin.Page.Locator("#accounts tr[data-user-name='ravi']");
        var asked = admin.AnswerQuestions(accept: false);

        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Disable ravi" }).ClickAsync();
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Reset password of ravi" }).ClickAsync();
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Change ravi" }).ClickAsync();
        await admin.Page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "NGO partner" });
        await admin.Page.GetByLabel("Languages").FillAsync("");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Save role and languages" }).ClickAsync();

        await Expect(admin.Page.Locator("#form-title")).ToHaveTextAsync("Change ravi");
        Assert.Equal([
            "Disable ravi? Their sessions end now, and any cases they hold go back to the queue.",
            "Reset the password of ravi? Their sessions end now, and any cases they hold go back to the queue. They sign in next with a one-time password, shown here once, and choose their own.",
            "Change ravi to NGO partner? Their sessions end now, and any cases they hold go back to the queue.",
        ], asked);
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("Caseworker");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("Enabled");
        await Expect(admin.Page.Locator("#issued")).ToBeHiddenAsync();
        Assert.Equal(200, (await ravi.Context.APIRequest.GetAsync("/api/session")).Status);
        Assert.Empty(admin.ScriptErrors);
    }

    [Fact]
    public async Task A_caseworker_whose_languages_the_admin_changes_is_told_at_the_sign_in_form_why_they_are_there()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("ines", UserRole.Admin, "en");
        await using var ravi = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "ravi", UserRole.Caseworker, "ne");
        await using var admin = await OpenAccountsPageAsync(host);
        var asked = admin.AnswerQuestions(accept: true);

        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Change ravi" }).ClickAsync();
        await admin.Page.GetByLabel("Languages").FillAsync("ne, en");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Save role and languages" }).ClickAsync();

        await Expect(admin.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("ravi is changed; their sessions have ended.");
        Assert.Equal(["Change ravi to Caseworker in Nepali (ne), English (en)? Their sessions end now."], asked);
        await Expect(ravi.Page).ToHaveURLAsync($"{host.BaseUrl}/console/signin.html?ended=changed", new() { Timeout = 10_000 });
        await Expect(ravi.Page.Locator("#signed-out")).ToHaveTextAsync("Your account was changed (its role, languages or password), so you were signed out. Sign in again.");
        await ravi.SubmitSignInAsync("ravi");
        await ravi.WaitUntilHomeAsync();
        Assert.Empty(ravi.ScriptErrors);
    }

    [Fact]
    public async Task A_refused_new_account_is_said_under_the_form_in_view_and_the_earlier_success_is_gone()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("ines", UserRole.Admin, "en");
        for (var i = 1; i <= 8; i++)
        {
            await host.AddUserAsync($"worker{i}", UserRole.Caseworker, "ne", "hi", "ur", "bn", "en", "ar", "ml", "ta");
        }

        await using var admin = await OpenAccountsPageAsync(host);
        var problem = admin.Page.Locator("#form-problem");

        await AddAccountAsync(admin, "tmpuser", "en");
        await Expect(admin.Page.Locator("#status-message")).ToHaveTextAsync("tmpuser is added.");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "I have passed it on" }).ClickAsync();
        await AddAccountAsync(admin, "worker1", "en");

        await Expect(problem).ToHaveTextAsync("A user named 'worker1' already exists.");
        await Expect(problem).ToBeInViewportAsync();
        await Expect(admin.Page.Locator("#status-message")).ToHaveTextAsync("");
        await Screenshots.TakeAsync(admin.Page, "accounts-refused-name");

        // The refusal speaks to the page, not to the command line.
        await AddAccountAsync(admin, "newcomer", "");
        await Expect(problem).ToHaveTextAsync("A caseworker, supervisor, reviewer or admin needs at least one language.");
        await Expect(problem).ToBeInViewportAsync();
        await AddAccountAsync(admin, "newcomer", "en");
        await Expect(problem).ToBeHiddenAsync();
        await Expect(admin.Page.Locator("#status-message")).ToHaveTextAsync("newcomer is added.");
        Assert.Empty(admin.ScriptErrors);
    }

    [Fact]
    public async Task Each_accounts_actions_sit_on_one_line_in_the_same_places_as_every_other_rows()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("ines", UserRole.Admin, "en");
        await host.AddUserAsync("ravi", UserRole.Caseworker, "ne", "hi", "ur", "bn", "en", "ar", "ml", "ta");
        await host.AddUserAsync("sofia", UserRole.Supervisor, "en");
        await host.AddUserAsync("safehouse", UserRole.Ngo);
        await using var admin = await OpenAccountsPageAsync(host);
        var rows = admin.Page.Locator("#accounts tr");
        await Expect(rows.Filter(new() { HasText = "safehouse" })).ToHaveCountAsync(1);

        var placed = new List<string>();
        foreach (var row in await rows.AllAsync())
        {
            var buttons = await row.Locator("td.actions button").AllAsync();
            var boxes = await Task.WhenAll(buttons.Select(async b => (await b.BoundingBoxAsync())!));
            Assert.Single(boxes.Select(b => b.Y).Distinct());
            placed.Add(string.Join(", ", (await Task.WhenAll(buttons.Select(b => b.InnerTextAsync()))).Zip(boxes, (text, box) => $"{text} at {box.X}")));
        }

        // Every account here is enabled, so each row's last action has the same word too.
        Assert.Single(placed.Distinct());
        Assert.StartsWith("Change at ", placed[0], StringComparison.Ordinal);
        await Screenshots.TakeAsync(admin.Page, "accounts-actions");
    }

    [Fact]
    public async Task After_a_reset_on_the_page_the_caseworker_must_choose_a_new_password_before_the_console_opens()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("ines", UserRole.Admin, "en");
        await host.AddUserAsync("ravi", UserRole.Caseworker, "ne");
        await using var admin = await OpenAccountsPageAsync(host);
        admin.AnswerQuestions(accept: true);
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Reset password of ravi" }).ClickAsync();
        await Expect(admin.Page.Locator("#issued")).ToBeVisibleAsync();
        var oneTimePassword = await admin.Page.Locator("#issued-password").InnerTextAsync();
        Assert.Matches("^[0-9a-f]{20}$", oneTimePassword);

        await using var ravi = await ConsolePage.OpenAsync(browser.Browser, host);
        await ravi.Page.SetViewportSizeAsync(1366, 768);
        await ravi.SubmitSignInAsync("ravi", oneTimePassword);
        await Expect(ravi.Page).ToHaveURLAsync($"{host.BaseUrl}/console/choose-password.html");
        await Expect(ravi.Page.Locator("#choose-password[data-ready='true']")).ToBeAttachedAsync();
        Assert.Equal(401, (await ravi.Context.APIRequest.GetAsync("/api/queue")).Status);
        await ravi.Page.GetByLabel("New password", new() { Exact = true }).FillAsync("short words");
        await ravi.Page.GetByLabel("New password again").FillAsync("short words");
        await ravi.Page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Expect(ravi.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The password must have at least 12 characters.");
        await Screenshots.TakeAsync(ravi.Page, "choose-password");
        await ravi.Page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await ravi.Page.GetByLabel("New password again").FillAsync(NewPassword);
        await ravi.Page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await Expect(ravi.Page).ToHaveURLAsync($"{host.BaseUrl}/console/");
        await ravi.WaitUntilLiveAsync();
        Assert.Empty(ravi.ScriptErrors);
    }

    [Fact]
    public async Task A_caseworker_changes_their_own_password_and_their_other_browser_is_signed_out()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var laptop = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "ravi", UserRole.Caseworker, "ne");
        await using var office = await ConsolePage.SignInAsync(browser.Browser, host, "ravi");
        await office.Page.SetViewportSizeAsync(1366, 768);

        await office.Page.GetByRole(AriaRole.Link, new() { Name = "Change password" }).ClickAsync();
        await Expect(office.Page.Locator("#password-form[data-ready='true']")).ToBeAttachedAsync();
        await office.Page.GetByLabel("Current password").FillAsync(ConsoleHost.Password);
        await office.Page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await office.Page.GetByLabel("New password again").FillAsync(NewPassword);
        await office.Page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        await Expect(office.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password is changed. Your other sessions have ended.");
        await Screenshots.TakeAsync(office.Page, "own-password-change");
        Assert.Equal(200, (await office.Context.APIRequest.GetAsync("/api/session")).Status);
        Assert.Equal(401, (await laptop.Context.APIRequest.GetAsync("/api/session")).Status);
        await office.Page.GetByRole(AriaRole.Link, new() { Name = "Back to the console" }).ClickAsync();
        await office.WaitUntilLiveAsync();
        Assert.Empty(office.ScriptErrors);
    }

    private static async Task AddAccountAsync(ConsolePage admin, string userName, string languages)
    {
        await admin.Page.GetByLabel("User name").FillAsync(userName);
        await admin.Page.GetByLabel("Languages").FillAsync(languages);
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();
    }

    private async Task<ConsolePage> OpenAccountsPageAsync(ConsoleHost host)
    {
        var admin = await ConsolePage.SignInAsync(browser.Browser, host, "ines");
        await admin.Page.SetViewportSizeAsync(1366, 768);
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }).ClickAsync();
        await Expect(admin.Page).ToHaveURLAsync($"{host.BaseUrl}/console/accounts.html");
        await Expect(admin.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        return admin;
    }
}
