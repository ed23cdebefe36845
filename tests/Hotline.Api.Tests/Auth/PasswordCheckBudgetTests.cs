using Hotline.Api.Auth;
using Microsoft.AspNetCore.Identity;

namespace Hotline.Api.Tests.Auth;

public sealed class PasswordCheckBudgetTests
{
    [Fact]
    public async Task Beyond_the_password_checks_allowed_a_second_an_attempt_answers_429_with_retry_after_one_second_and_no_password_is_checked()
    {
        var hasher = new CountingPasswordHasher();
        await using var app = AppWithBudget(3, hasher);
        var browsers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => ReadyBrowserAsync(app)));

        var answers = await Task.WhenAll(browsers.Select((browser, guess) => PostAsync(browser, $"guess{guess}", "whatever password")));

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, a => Assert.Equal(TimeSpan.FromSeconds(1), a.Headers.RetryAfter?.Delta));
        Assert.All(answers.Except(refused), a => Assert.Equal("/console/signin.html?error=wrong", a.Headers.Location?.ToString()));
        Assert.Equal(answers.Length - refused.Count, hasher.Verifications);
    }

    [Fact]
    public async Task A_spent_budget_refuses_a_known_name_with_its_right_password_exactly_as_it_refuses_an_unknown_name()
    {
        await using var app = AppWithBudget(3, new CountingPasswordHasher());
        var amina = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");
        var browsers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => ReadyBrowserAsync(app)));

        // Even attempts are amina's right password, odd ones unknown names; 3 checks a second leave most of both refused.
        var answers = await Task.WhenAll(browsers.Select((browser, i) =>
            i % 2 == 0 ? PostAsync(browser, amina.UserName, SignedInClient.Password) : PostAsync(browser, $"guess{i}", SignedInClient.Password)));

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        var bodies = await Task.WhenAll(refused.Select(a => a.Content.ReadAsStringAsync(Ct)));
        Assert.Contains(answers.Where((_, i) => i % 2 == 0), a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Contains(answers.Where((_, i) => i % 2 == 1), a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.All(refused, a => Assert.Equal(TimeSpan.FromSeconds(1), a.Headers.RetryAfter?.Delta));
        Assert.All(refused, a => Assert.Null(a.Headers.Location));
        Assert.Single(bodies.Select(body => Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "")).Distinct());
    }

    [Fact]
    public async Task A_browser_that_signed_in_as_a_caseworker_before_signs_her_in_again_while_strangers_spend_the_budget()
    {
        await using var app = AppWithBudget(1, new CountingPasswordHasher());
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        await SignOutAsync(amina);
        var strangers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ReadyBrowserAsync(app)));
        var ownBrowser = (amina.Http, (await amina.Http.GetFromJsonAsync<SessionEndpoints.AntiforgeryView>("/api/antiforgery", Ct))!.Token);

        var guesses = strangers.Select((browser, guess) => PostAsync(browser, $"guess{guess}", "whatever password")).ToList();
        var again = await PostAsync(ownBrowser, amina.User.UserName, SignedInClient.Password);
        var answers = await Task.WhenAll(guesses);

        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("/console/", again.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_strangers_password_is_checked_at_nice_19_and_a_known_browsers_on_a_thread_of_its_own_at_nice_10()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The lowered priority checked here is Linux's per-thread nice value.");
        var hasher = new CountingPasswordHasher();
        await using var app = AppWithBudget(10, hasher);
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        await SignOutAsync(amina);
        var ownBrowser = (amina.Http, (await amina.Http.GetFromJsonAsync<SessionEndpoints.AntiforgeryView>("/api/antiforgery", Ct))!.Token);

        var again = await PostAsync(ownBrowser, amina.User.UserName, SignedInClient.Password);

        Assert.Equal("/console/", again.Headers.Location?.ToString());
        Assert.Equal([("password-low-1", 19), ("device-low-1", 10)], hasher.Threads);
    }

    [Fact]
    public void A_budget_of_no_password_checks_a_second_is_refused_at_start()
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions { PasswordChecksPerSecond = 0 });

        Assert.Equal("Hotline:Auth:PasswordChecksPerSecond must be between 1 and 1000.", result.FailureMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    public void A_share_of_one_core_for_password_checks_of_none_or_more_than_the_core_is_refused_at_start(double share)
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions { PasswordCheckCoreShare = share });

        Assert.Equal("Hotline:Auth:PasswordCheckCoreShare must be between 0.01 and 1.", result.FailureMessage);
    }

    [Fact]
    public async Task The_password_checks_run_on_threads_whose_priority_was_lowered()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The lowered priority checked here is Linux's per-thread nice value.");
        await using var app = new HotlineApp();
        _ = app.CreateClient();

        var priority = app.Services.GetRequiredService<PasswordChecks>().Priority;

        Assert.Equal(new Hotline.Api.Hosting.LanePriority(true, "nice 19 (setpriority on each thread)"), priority);
    }

    /// <summary>The per-address and per-name limits lifted, as for guesses from many addresses, so only the budget refuses.</summary>
    private static HotlineApp AppWithBudget(int perSecond, CountingPasswordHasher hasher) => new(new Dictionary<string, string?>
    {
        ["Hotline:Auth:SignInsPerAddressPerMinute"] = "100000",
        ["Hotline:Auth:SignInsPerNamePerMinute"] = "100000",
        ["Hotline:Auth:PasswordChecksPerSecond"] = perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }, services: s => s.AddSingleton<IPasswordHasher<User>>(hasher));

    /// <summary>A browser of its own per attempt (a signed-in cookie would void another attempt's antiforgery token), with its token fetched.</summary>
    private static async Task<(HttpClient Browser, string Token)> ReadyBrowserAsync(HotlineApp app)
    {
        var browser = SignedInClient.NewBrowser(app);
        var token = (await browser.GetFromJsonAsync<SessionEndpoints.AntiforgeryView>("/api/antiforgery", Ct))!.Token;
        return (browser, token);
    }

    private static Task<HttpResponseMessage> PostAsync((HttpClient Browser, string Token) ready, string userName, string password) =>
        ready.Browser.PostAsync("/console/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["__RequestVerificationToken"] = ready.Token,
        }), Ct);

    /// <summary>Signs out as the console does; the browser keeps what it keeps (the cookie that remembers it) and sends no session's token again.</summary>
    private static async Task SignOutAsync(SignedInClient client)
    {
        using var response = await client.Http.PostAsync("/console/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = client.AntiforgeryToken,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        client.Http.DefaultRequestHeaders.Remove(Hotline.Api.Auth.AuthServices.AntiforgeryHeader);
    }

    /// <summary>ASP.NET Core's hasher, counting the password checks it is asked for.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<User>
    {
        private readonly PasswordHasher<User> _hasher = new();
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string? Name, int Nice)> _threads = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        /// <summary>The thread each check ran on, and its nice value read from Linux's /proc, in the order of the checks.</summary>
        public IReadOnlyList<(string? Name, int Nice)> Threads => [.. _threads];

        public string HashPassword(User user, string password) => _hasher.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            if (OperatingSystem.IsLinux())
            {
                var stat = File.ReadAllText("/proc/thread-self/stat");
                _threads.Enqueue((Thread.CurrentThread.Name, int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture)));
            }

            return _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
