namespace Hotline.Api.Tests.Auth;

public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Beyond_the_attempts_allowed_per_address_the_sign_in_form_answers_429_with_retry_after()
    {
        await using var app = new HotlineApp(new Dictionary<string, string?>
        {
            ["Hotline:Auth:SignInsPerAddressPerMinute"] = "3",
        });
        var browser = SignedInClient.NewBrowser(app);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await SignedInClient.PostSignInAsync(browser, $"someone{attempt}", "whatever password");
        }

        var response = await SignedInClient.PostSignInAsync(browser, "someone-else", "whatever password");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
    }

    [Fact]
    public async Task Beyond_the_attempts_allowed_per_name_that_name_answers_429_while_another_name_still_signs_in()
    {
        await using var app = new HotlineApp(new Dictionary<string, string?>
        {
            ["Hotline:Auth:SignInsPerNamePerMinute"] = "2",
        });
        var amina = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");
        var bikash = await SignedInClient.AddUserAsync(app, "bikash", UserRole.Caseworker, "ne");
        var browser = SignedInClient.NewBrowser(app);
        await SignedInClient.PostSignInAsync(browser, "amina", "wrong password!!");
        await SignedInClient.PostSignInAsync(browser, "AMINA", "wrong password!!");

        var limited = await SignedInClient.PostSignInAsync(browser, amina.UserName, SignedInClient.Password);
        var other = await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), bikash.UserName, SignedInClient.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal("/console/", other.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Beyond_one_password_check_at_a_time_and_a_hundred_waiting_a_flood_from_everywhere_answers_429_with_retry_after_one_second()
    {
        await using var app = new HotlineApp(new Dictionary<string, string?>
        {
            ["Hotline:Auth:SignInsPerAddressPerMinute"] = "100000",
            ["Hotline:Auth:SignInsPerNamePerMinute"] = "100000",
            ["Hotline:Auth:ConcurrentPasswordChecks"] = "1",
        });
        var browser = SignedInClient.NewBrowser(app);
        var token = (await browser.GetFromJsonAsync<SessionEndpoints.AntiforgeryView>("/api/antiforgery", TestContext.Current.CancellationToken))!.Token;

        var answers = await Task.WhenAll(Enumerable.Range(0, 130).Select(guess => browser.PostAsync("/console/signin",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = $"guess{guess}",
                ["password"] = "whatever password",
                ["__RequestVerificationToken"] = token,
            }), TestContext.Current.CancellationToken)));

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, a => Assert.Equal(TimeSpan.FromSeconds(1), a.Headers.RetryAfter?.Delta));
        Assert.All(answers.Except(refused), a => Assert.Equal("/console/signin.html?error=wrong", a.Headers.Location?.ToString()));
    }

    [Fact]
    public void A_limit_of_zero_attempts_is_refused_at_start()
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions { SignInsPerNamePerMinute = 0 });

        Assert.Equal("Hotline:Auth:SignInsPerNamePerMinute must be between 1 and 100000.", result.FailureMessage);
    }
}
