using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Hotline.Api.Tests.Auth;

/// <summary>A disabled account is refused by every endpoint that needs a signed-in caller, and by the hub, on its next call.</summary>
public sealed partial class DisabledAccountTests
{
    [Fact]
    public async Task Every_authorised_endpoint_answers_401_to_a_disabled_account()
    {
        await using var app = new HotlineApp();
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ines", UserRole.Admin, "en"));
        var endpoints = AuthorisedEndpoints(app);
        Assert.Contains(("GET", "/api/partners"), endpoints);
        Assert.Contains(("POST", "/api/admin/sims"), endpoints);
        Assert.Contains(("GET", "/api/canned-replies"), endpoints);
        Assert.Contains(("GET", "/api/languages"), endpoints);
        Assert.Contains(("PUT", "/api/translations/x/x/x"), endpoints);
        Assert.True(endpoints.Any(e => e.Path.StartsWith("/hubs/cases", StringComparison.Ordinal)), string.Join(", ", endpoints));
        var refusedWhileEnabled = await StatusesAsync(admin, endpoints);
        Assert.DoesNotContain(refusedWhileEnabled, r => r.Status is "401" || r.Status.Contains("ReturnUrl", StringComparison.Ordinal));

        await DisableAsync(app, admin.User);

        // The API and the hub answer 401; a page's form post is sent to sign in, with the page to come back to.
        var answers = await StatusesAsync(admin, endpoints);
        Assert.All(answers, answer => Assert.Equal(
            answer.Path.StartsWith("/api/", StringComparison.Ordinal) || answer.Path.StartsWith("/hubs/", StringComparison.Ordinal)
                ? (answer.Method, answer.Path, "401")
                : (answer.Method, answer.Path, "302 /console/signin.html?ReturnUrl"),
            answer));
    }

    [Fact]
    public async Task A_disabled_reviewer_is_refused_the_translations()
    {
        await using var app = new HotlineApp();
        var reviewer = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "baraka", UserRole.Reviewer, "sw"));

        await DisableAsync(app, reviewer.User);

        Assert.Equal(HttpStatusCode.Unauthorized, (await reviewer.Http.PostAsync("/api/translations/sw/review", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_hub_call_from_a_disabled_account_is_refused()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var waiting = await CaseSeeding.QueueCaseAsync(app, "ar");
        await using var hub = worker.WebSocketHub();
        await hub.StartAsync(Ct);
        Assert.True((await OpenCaseAsync(hub, waiting.Id))!.Ok);

        await DisableAsync(app, worker.User);

        // Every 3 s the ended-session sweep closes a disabled account's connections; a call that comes before it is
        // refused by the call's own check of the caller. Either way the case does not open again.
        var answer = await OpenCaseAsync(hub, waiting.Id);
        Assert.True(answer is null || (answer.Ok, answer.Refusal) == (false, "Your session has ended (your account was changed or disabled, or you signed out): sign in again."),
            $"the case opened again for a disabled account: {answer}");
    }

    [Fact]
    public async Task A_disabled_account_cannot_open_a_hub_connection()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        await DisableAsync(app, worker.User);
        await using var hub = worker.Hub();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    /// <summary>The hub's answer; null when the connection was closed before it could answer.</summary>
    private static async Task<ActionAnswer<CaseDetail>?> OpenCaseAsync(HubConnection hub, Guid caseId)
    {
        try
        {
            return await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), caseId, Ct);
        }
        catch (TaskCanceledException) when (hub.State != HubConnectionState.Connected && !Ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static Task DisableAsync(HotlineApp app, User user) =>
        app.ExecuteAsync($"UPDATE Users SET Disabled = 1 WHERE Id = '{user.Id}'");

    /// <summary>Every endpoint the app maps that requires authorization, as a method and a path with its parameters filled in.</summary>
    private static List<(string Method, string Path)> AuthorisedEndpoints(HotlineApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            // The second step of sign-in answers to the half-signed-in cookie, which a session never carries.
            .Where(e => !e.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Contains(PendingSignIn.Policy))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, RouteParameter().Replace(e.RoutePattern.RawText!, p => p.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "x"))))
            .Select(e => (e.method, e.Item2.StartsWith('/') ? e.Item2 : "/" + e.Item2))
            .Distinct().ToList();

    /// <summary>Each endpoint's status code, and for a redirect where it leads (up to its query string).</summary>
    private static async Task<List<(string Method, string Path, string Status)>> StatusesAsync(SignedInClient client, List<(string Method, string Path)> endpoints)
    {
        var answers = new List<(string, string, string)>();
        foreach (var (method, path) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            using var response = await client.Http.SendAsync(request, Ct);
            answers.Add((method, path, response.Headers.Location is { } location
                ? $"{(int)response.StatusCode} {(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).Split('=')[0]}"
                : $"{(int)response.StatusCode}"));
        }

        return answers;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
