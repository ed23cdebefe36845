namespace Hotline.Api.Tests.Auth;

public sealed class SessionTests
{
    [Fact]
    public async Task The_api_answers_401_without_a_session_instead_of_redirecting()
    {
        await using var app = new HotlineApp();

        var response = await SignedInClient.NewBrowser(app).GetAsync("/api/queue", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The partner's page reads whether its account is linked, rather than asking for an inbox it would be refused (403).</summary>
    [Fact]
    public async Task The_session_says_whether_an_ngo_account_is_linked_to_its_organisation_and_nothing_of_it_for_other_roles()
    {
        await using var app = new HotlineApp();
        var ngo = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "shelter", UserRole.Ngo));
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));

        var ngoSession = await ngo.Http.GetFromJsonAsync<JsonElement>("/api/session", Ct);
        var workerSession = await worker.Http.GetFromJsonAsync<JsonElement>("/api/session", Ct);

        Assert.False(ngoSession.GetProperty("organisationLinked").GetBoolean());
        Assert.False(workerSession.TryGetProperty("organisationLinked", out var linked) && linked.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task A_session_idle_for_more_than_30_minutes_has_ended()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new HotlineApp(services: s => s.AddSingleton<TimeProvider>(clock));
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));

        clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.Http.GetAsync("/api/queue", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_active_session_ends_12_hours_after_sign_in()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new HotlineApp(services: s => s.AddSingleton<TimeProvider>(clock));
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        for (var hour = 0; hour < 12; hour++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await worker.Http.GetAsync("/api/queue", Ct)).StatusCode);
            clock.Advance(TimeSpan.FromMinutes(20));
            await worker.Http.GetAsync("/api/queue", Ct);
            clock.Advance(TimeSpan.FromMinutes(20));
            await worker.Http.GetAsync("/api/queue", Ct);
        }

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.Http.GetAsync("/api/queue", Ct)).StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_a_content_security_policy_without_inline_script()
    {
        await using var app = new HotlineApp();

        var response = await app.CreateClient().GetAsync("/console/", Ct);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
    }

    [Fact]
    public async Task Case_data_is_never_cached()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));

        var response = await worker.Http.GetAsync("/api/queue", Ct);

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_ngo_partner_gets_403_from_case_data()
    {
        await using var app = new HotlineApp();
        var partner = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "shelter", UserRole.Ngo));

        Assert.Equal(HttpStatusCode.Forbidden, (await partner.Http.GetAsync("/api/queue", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.Http.GetAsync($"/api/cases/{Guid.NewGuid()}", Ct)).StatusCode);
    }
}
