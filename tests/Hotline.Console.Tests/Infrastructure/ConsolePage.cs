namespace Hotline.Console.Tests.Infrastructure;

/// <summary>One person's browser (its own cookies) on the console, signed in through the real form.</summary>
public sealed class ConsolePage : IAsyncDisposable
{
    private readonly List<string> _scriptErrors = [];
    private readonly List<IWebSocketRoute> _sockets = [];
    private bool _cuttable;

    private ConsolePage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.PageError += (_, error) => _scriptErrors.Add(error);
        page.Console += (_, message) =>
        {
            // The CSP forbids inline script and style: a violation means a page broke that rule.
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _scriptErrors.Add(message.Text);
            }
        };
        // What the page says about itself goes to the test's output, which shows when a test fails.
        page.Console += (_, message) => TestContext.Current.TestOutputHelper?.WriteLine($"[browser {message.Type}] {message.Text}");
        page.PageError += (_, error) => TestContext.Current.TestOutputHelper?.WriteLine($"[browser error] {error}");
        page.SetDefaultTimeout(10_000);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Uncaught errors and rejections in the page's scripts so far, and Content-Security-Policy violations.</summary>
    public IReadOnlyList<string> ScriptErrors => _scriptErrors;

    /// <summary>
    /// Answers every question the page asks (<c>window.confirm</c>) from now on, yes when <paramref name="accept"/>;
    /// the questions asked, in order, so a test can say what the person was told.
    /// </summary>
    public IReadOnlyList<string> AnswerQuestions(bool accept)
    {
        var asked = new List<string>();
        Page.Dialog += async (_, dialog) =>
        {
            lock (asked)
            {
                asked.Add(dialog.Message);
            }

            await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
        };
        return asked;
    }

    public ILocator Waiting => Page.Locator("#queue li.case-item");

    public ILocator Mine => Page.Locator("#my-cases li.case-item");

    /// <param name="cuttable">Runs the page's WebSockets through Playwright, so that <see cref="CutConnectionAsync"/> can close them.</param>
    public static async Task<ConsolePage> OpenAsync(IBrowser browser, ConsoleHost host, bool cuttable = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            Locale = "en-GB",
        });
        var console = new ConsolePage(context, await context.NewPageAsync()) { _cuttable = cuttable };
        if (cuttable)
        {
            await context.RouteWebSocketAsync("**/hubs/cases**", socket =>
            {
                socket.ConnectToServer();
                lock (console._sockets)
                {
                    console._sockets.Add(socket);
                }
            });
        }

        return console;
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
    public static async Task<ConsolePage> SignInAsync(IBrowser browser, ConsoleHost host, string userName, bool cuttable = false)
    {
        var console = await OpenAsync(browser, host, cuttable);
        await console.SubmitSignInAsync(userName);
        await console.WaitUntilHomeAsync();
        return console;
    }

    /// <summary>Adds an account with the test password and signs it in: the opening most tests share.</summary>
    public static async Task<ConsolePage> SignInAsNewUserAsync(IBrowser browser, ConsoleHost host, string userName, UserRole role, params string[] languages)
    {
        await host.AddUserAsync(userName, role, languages);
        return await SignInAsync(browser, host, userName);
    }

    /// <summary>
    /// Waits for the page a role lands on: the header names who signed in, and where the page keeps a live
    /// connection (the queue, the supervisor view) it is connected. An admin lands on the partner directory,
    /// which has none.
    /// </summary>
    public async Task WaitUntilHomeAsync()
    {
        await Expect(Page.Locator("#who")).Not.ToBeEmptyAsync();
        if (await Page.Locator("#connection").CountAsync() > 0)
        {
            await WaitUntilLiveAsync();
        }
    }

    public async Task WaitUntilLiveAsync()
    {
        await Expect(Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        await Expect(Page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
    }

    /// <summary>
    /// Takes the browser off the network: new requests fail, and the hub's open WebSocket is closed under the
    /// page (chromium's offline mode leaves open sockets alone, so they run through a Playwright route).
    /// </summary>
    public async Task CutConnectionAsync()
    {
        if (!_cuttable)
        {
            throw new InvalidOperationException("Open the page with cuttable: true to cut its connection.");
        }

        await Context.SetOfflineAsync(true);
        List<IWebSocketRoute> open;
        lock (_sockets)
        {
            open = [.. _sockets];
            _sockets.Clear();
        }

        foreach (var socket in open)
        {
            await socket.CloseAsync(new() { Code = 1001, Reason = "The test cut the network." });
        }
    }

    public Task RestoreConnectionAsync() => Context.SetOfflineAsync(false);

    /// <summary>Takes the next case from the queue, as a caseworker does with the button above it.</summary>
    public Task TakeNextCaseAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Take next case" }).ClickAsync();

    /// <summary>Sends a reply from the open case's reply box, and waits until the transcript shows it.</summary>
    public async Task SendReplyAsync(string text)
    {
        await Page.Locator("#reply-body").FillAsync(text);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Expect(Page.Locator("#transcript")).ToContainTextAsync(text);
    }

    /// <summary>Releases the open case to the queue, as the caseworker does under "Release or transfer".</summary>
    public async Task ReleaseAsync()
    {
        await Page.GetByText("Release or transfer").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Release to the queue" }).ClickAsync();
    }

    /// <summary>A case's row in one of the lists: queue (waiting), my-cases or colleague-cases.</summary>
    public ILocator Item(string list, object caseId) => Page.Locator($"#{list} li[data-case-id='{caseId}']");

    public ILocator WithColleagues => Page.Locator("#colleague-cases li.case-item");

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
