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
    public void A_limit_of_zero_attempts_is_refused_at_start()
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions { SignInsPerNamePerMinute = 0 });

        Assert.Equal("Hotline:Auth:SignInsPerNamePerMinute must be between 1 and 100000.", result.FailureMessage);
    }
}
