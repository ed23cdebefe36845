namespace Hotline.Api.Tests.Auth;

/// <summary>Signing out ends the session on the server, not only in the browser that asked.</summary>
public sealed class SignOutTests
{
    [Theory, DatabaseData]
    public async Task After_sign_out_a_copy_of_the_session_cookie_gets_401(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var copy = WithCookie(app, worker.Cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/queue", Ct)).StatusCode);

        await SignOutAsync(worker);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/queue", Ct)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_closes_the_live_connections_of_that_session()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        await using var hub = worker.Hub();
        var closed = new TaskCompletionSource();
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync(Ct);

        await SignOutAsync(worker);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact]
    public async Task Signing_out_leaves_the_same_persons_other_session_signed_in()
    {
        await using var app = new HotlineApp();
        var user = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");
        var office = await SignedInClient.SignInAsync(app, user);
        var laptop = await SignedInClient.SignInAsync(app, user);

        await SignOutAsync(office);

        Assert.Equal(HttpStatusCode.OK, (await laptop.Http.GetAsync("/api/queue", Ct)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_tells_the_browser_to_drop_what_it_cached_of_the_session()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));

        var response = await SignOutAsync(worker);

        Assert.Equal(["\"cache\""], response.Headers.GetValues("Clear-Site-Data"));
    }

    private static async Task<HttpResponseMessage> SignOutAsync(SignedInClient client)
    {
        var response = await client.Http.PostAsync("/console/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = client.AntiforgeryToken,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static HttpClient WithCookie(HotlineApp app, string cookie)
    {
        var http = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }
}
