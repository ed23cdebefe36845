using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hotline.Console.Tests.Infrastructure;

/// <summary>One person's browser (its own cookies) on the console, signed in through the real form.</summary>
public sealed class ConsolePage : IAsyncDisposable
{
    private readonly List<string> _scriptErrors = [];

    private ConsolePage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.PageError += (_, error) => _scriptErrors.Add(error);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Uncaught errors and rejections in the page's scripts so far.</summary>
    public IReadOnlyList<string> ScriptErrors => _scriptErrors;

    public ILocator Waiting => Page.Locator("#queue li.case-item");

    public ILocator Mine => Page.Locator("#my-cases li.case-item");

    public static async Task<ConsolePage> OpenAsync(IBrowser browser, ConsoleHost host)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            Locale = "en-GB",
        });
        return new ConsolePage(context, await context.NewPageAsync());
    }

    /// <summary>Fills and submits the sign-in form as a person would.</summary>
    public async Task SubmitSignInAsync(string userName, string password = ConsoleHost.Password)
    {
        await Page.GotoAsync("/console/signin.html");
        await Expect(Page.Locator("#signin[data-ready='true']")).ToBeAttachedAsync();
        await Page.GetByLabel("User name").FillAsync(userName);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Signs in and waits until the console has loaded its queue and connected live.</summary>
    public static async Task<ConsolePage> SignInAsync(IBrowser browser, ConsoleHost host, string userName)
    {
        var console = await OpenAsync(browser, host);
        await console.SubmitSignInAsync(userName);
        await console.WaitUntilLiveAsync();
        return console;
    }

    public async Task WaitUntilLiveAsync()
    {
        await Expect(Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        await Expect(Page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
    }

    public ILocator CaseItem(ILocator list, Guid caseId) => list.Locator($"[data-case-id='{caseId}']");

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
