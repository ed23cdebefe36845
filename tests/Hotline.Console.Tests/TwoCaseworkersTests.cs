namespace Hotline.Console.Tests;

public sealed class TwoCaseworkersTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_case_taken_by_one_caseworker_leaves_the_others_queue_live()
    {
        await using var team = await TwoCaseworkers.StartAsync(browser, bilalSpeaks: "en", PriorityBand.High, "withholding_of_wages");
        var (amira, bilal, caseId) = (team.Amira, team.Bilal, team.CaseId);
        await Expect(bilal.Item("queue", caseId)).ToBeVisibleAsync();

        await amira.TakeNextCaseAsync();

        await Expect(amira.Item("my-cases", caseId)).ToBeVisibleAsync();
        await Expect(bilal.Waiting).ToHaveCountAsync(0);
        await Expect(bilal.Item("colleague-cases", caseId)).ToContainTextAsync("With amira");
    }

    [Fact]
    public async Task A_caseworker_is_told_when_a_colleague_opens_the_same_case()
    {
        await using var team = await TwoCaseworkers.StartAsync(browser, bilalSpeaks: "en", PriorityBand.High, "threats");
        var (amira, bilal, caseId) = (team.Amira, team.Bilal, team.CaseId);
        await amira.TakeNextCaseAsync();
        await Expect(amira.Page.Locator("#case")).ToBeVisibleAsync();

        await bilal.Page.Locator("details.colleague-cases summary").ClickAsync();
        await bilal.Item("colleague-cases", caseId).GetByRole(AriaRole.Button).ClickAsync();

        await Expect(amira.Page.Locator("#case-notices")).ToContainTextAsync("bilal has this case open too.");
        await Expect(bilal.Page.Locator("#reply-disabled")).ToContainTextAsync("Only amira can reply.");
    }

    [Fact]
    public async Task A_case_transferred_to_a_colleague_arrives_in_their_cases_live()
    {
        await using var team = await TwoCaseworkers.StartAsync(browser, bilalSpeaks: "ar", PriorityBand.Medium, "debt_bondage");
        var (amira, bilal, caseId) = (team.Amira, team.Bilal, team.CaseId);
        await amira.TakeNextCaseAsync();
        await Expect(bilal.Mine).ToHaveCountAsync(0);

        await amira.Page.Locator("summary", new() { HasText = "Release or transfer" }).ClickAsync();
        await amira.Page.GetByLabel("Transfer to a colleague").SelectOptionAsync(new SelectOptionValue { Label = "bilal (ar)" });
        amira.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await amira.Page.Locator("#transfer-colleague-form").GetByRole(AriaRole.Button, new() { Name = "Transfer" }).ClickAsync();

        await Expect(amira.Page.Locator("#status-message")).ToHaveTextAsync("The case was transferred to bilal.");
        await Expect(bilal.Item("my-cases", caseId)).ToBeVisibleAsync();
        await Expect(amira.Mine).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_case_transferred_to_a_language_group_moves_to_that_groups_queue_live()
    {
        await using var team = await TwoCaseworkers.StartAsync(browser, bilalSpeaks: "ar", PriorityBand.High, "deception");
        var (amira, bilal, caseId) = (team.Amira, team.Bilal, team.CaseId);
        await amira.TakeNextCaseAsync();
        await Expect(amira.Item("my-cases", caseId)).ToBeVisibleAsync();
        await Expect(bilal.Waiting).ToHaveCountAsync(0);

        await amira.Page.Locator("summary", new() { HasText = "Release or transfer" }).ClickAsync();
        await amira.Page.GetByLabel("Transfer to a language group").SelectOptionAsync("ar");
        amira.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await amira.Page.Locator("#transfer-language-form").GetByRole(AriaRole.Button, new() { Name = "Transfer" }).ClickAsync();

        await Expect(bilal.Item("queue", caseId)).ToContainTextAsync("Arabic");
        await Expect(amira.Page.Locator($"li[data-case-id='{caseId}']")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Amira (English) and Bilal (<c>bilalSpeaks</c>), caseworkers each signed in with a browser of their own,
    /// and one English case waiting for them.
    /// </summary>
    private sealed class TwoCaseworkers : IAsyncDisposable
    {
        private ConsoleHost _host = null!;

        public ConsolePage Amira { get; private set; } = null!;

        public ConsolePage Bilal { get; private set; } = null!;

        public Guid CaseId { get; private set; }

        public static async Task<TwoCaseworkers> StartAsync(BrowserFixture browser, string bilalSpeaks, PriorityBand priority, string reason)
        {
            var team = new TwoCaseworkers { _host = await ConsoleHost.StartAsync() };
            try
            {
                await team._host.AddUserAsync("amira", UserRole.Caseworker, "en");
                await team._host.AddUserAsync("bilal", UserRole.Caseworker, bilalSpeaks);
                team.CaseId = await team._host.SeedCaseAsync("en", priority, reason);
                team.Amira = await ConsolePage.SignInAsync(browser.Browser, team._host, "amira");
                team.Bilal = await ConsolePage.SignInAsync(browser.Browser, team._host, "bilal");
                return team;
            }
            catch
            {
                await team.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Bilal is not null)
            {
                await Bilal.DisposeAsync();
            }

            if (Amira is not null)
            {
                await Amira.DisposeAsync();
            }

            await _host.DisposeAsync();
        }
    }
}
