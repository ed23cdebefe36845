namespace Hotline.Api.Tests.Auth;

/// <summary>Every refusal is the same answer, and wrong passwords make the account wait longer and longer rather than lock it.</summary>
public sealed class SignInRefusalTests
{
    private const string Wrong = "/console/signin.html?error=wrong";
    private static readonly DateTimeOffset Morning = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_disabled_account_with_the_right_password_is_answered_like_a_wrong_password()
    {
        await using var app = new HotlineApp();
        var (user, browser) = await AminaAtTheFormAsync(app);
        await app.ExecuteAsync("UPDATE Users SET Disabled = 1 WHERE UserName = 'amina'");

        var response = await RightPasswordAsync(browser, user);

        Assert.Equal(Wrong, response);
    }

    [Theory, DatabaseData]
    public async Task After_five_wrong_passwords_even_the_right_one_is_answered_like_a_wrong_one_for_five_seconds(DatabaseProvider engine)
    {
        var clock = new FakeTimeProvider(Morning);
        await using var app = await HotlineApp.CreateAsync(engine, services: s => s.AddSingleton<TimeProvider>(clock));
        var (user, browser) = await AminaAtTheFormAsync(app);
        await FailAsync(browser, user, times: 5);

        var (during, after) = await RightPasswordJustBeforeAndAtAsync(clock, browser, user, TimeSpan.FromSeconds(5));

        Assert.Equal(Wrong, during);
        Assert.Equal("/console/", after);
    }

    [Fact]
    public async Task Each_further_wrong_password_doubles_the_wait()
    {
        var clock = new FakeTimeProvider(Morning);
        await using var app = new HotlineApp(services: s => s.AddSingleton<TimeProvider>(clock));
        var (user, browser) = await AminaAtTheFormAsync(app);
        await FailAsync(browser, user, times: 5);
        clock.Advance(TimeSpan.FromSeconds(5));
        await FailAsync(browser, user, times: 1);

        var (during, after) = await RightPasswordJustBeforeAndAtAsync(clock, browser, user, TimeSpan.FromSeconds(10));

        Assert.Equal(Wrong, during);
        Assert.Equal("/console/", after);
    }

    [Fact]
    public async Task Attempts_during_the_wait_do_not_make_it_longer()
    {
        var clock = new FakeTimeProvider(Morning);
        await using var app = new HotlineApp(services: s => s.AddSingleton<TimeProvider>(clock));
        var (user, browser) = await AminaAtTheFormAsync(app);
        await FailAsync(browser, user, times: 5);
        await FailAsync(browser, user, times: 3);

        clock.Advance(TimeSpan.FromSeconds(5));
        var response = await RightPasswordAsync(browser, user);

        Assert.Equal("/console/", response);
    }

    [Fact]
    public async Task A_refused_sign_in_waits_for_the_single_writer_only_to_record_its_audit_row()
    {
        await using var app = new HotlineApp();
        await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");
        var browser = SignedInClient.NewBrowser(app);

        Task<HttpResponseMessage> signIn;
        await using (await app.Services.GetRequiredService<Database>().BeginWriteAsync(Ct))
        {
            // The password is checked against the dummy hash on a reader; the refusal then needs the writer for its audit row.
            signIn = SignedInClient.PostSignInAsync(browser, "nobody", "whatever password");
            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
            Assert.False(signIn.IsCompleted);
        }

        var response = await signIn.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(Wrong, response.Headers.Location?.ToString());
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'signin.failed'"));
    }

    private static async Task<(User User, HttpClient Browser)> AminaAtTheFormAsync(HotlineApp app) =>
        (await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"), SignedInClient.NewBrowser(app));

    /// <summary>Where the sign-in form sends Amina when she types the right password.</summary>
    private static async Task<string?> RightPasswordAsync(HttpClient browser, User user) =>
        (await SignedInClient.PostSignInAsync(browser, user.UserName, SignedInClient.Password)).Headers.Location?.ToString();

    /// <summary>Where the right password leads a second before <paramref name="wait"/> has passed, and once it has.</summary>
    private static async Task<(string? During, string? After)> RightPasswordJustBeforeAndAtAsync(FakeTimeProvider clock, HttpClient browser,
        User user, TimeSpan wait)
    {
        clock.Advance(wait - TimeSpan.FromSeconds(1));
        var during = await RightPasswordAsync(browser, user);
        clock.Advance(TimeSpan.FromSeconds(1));
        return (during, await RightPasswordAsync(browser, user));
    }

    private static async Task FailAsync(HttpClient browser, User user, int times)
    {
        for (var attempt = 0; attempt < times; attempt++)
        {
            var response = await SignedInClient.PostSignInAsync(browser, user.UserName, "wrong password!!");
            Assert.Equal(Wrong, response.Headers.Location?.ToString());
        }
    }
}
