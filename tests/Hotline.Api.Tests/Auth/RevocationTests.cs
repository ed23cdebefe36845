namespace Hotline.Api.Tests.Auth;

/// <summary>A changed security stamp, a disabled account or a changed role ends every session of that person, live connections included.</summary>
public sealed class RevocationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory, DatabaseData]
    public async Task A_cookie_from_before_the_security_stamp_changed_gets_401(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        Assert.Equal(HttpStatusCode.OK, (await worker.Http.GetAsync("/api/queue", Ct)).StatusCode);

        await ChangeSecurityStampAsync(app, worker.User);

        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.Http.GetAsync("/api/queue", Ct)).StatusCode);
    }

    [Fact]
    public async Task Signing_in_again_after_the_security_stamp_changed_gives_a_working_session()
    {
        await using var app = new HotlineApp();
        var user = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");
        await SignedInClient.SignInAsync(app, user);
        await ChangeSecurityStampAsync(app, user);

        var again = await SignedInClient.SignInAsync(app, user);

        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/api/queue", Ct)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_security_stamp_closes_every_hub_connection_of_that_person()
    {
        await using var app = new HotlineApp();
        var user = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");
        await using var office = (await SignedInClient.SignInAsync(app, user)).WebSocketHub();
        await using var laptop = (await SignedInClient.SignInAsync(app, user)).WebSocketHub();
        var officeClosed = ClosedSignal(office);
        var laptopClosed = ClosedSignal(laptop);
        await office.StartAsync(Ct);
        await laptop.StartAsync(Ct);

        await ChangeSecurityStampAsync(app, user);

        await Task.WhenAll(officeClosed, laptopClosed).WaitAsync(Patience, Ct);
    }

    [Fact]
    public async Task Changing_one_persons_security_stamp_leaves_a_colleagues_connection_open()
    {
        await using var app = new HotlineApp();
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var ravi = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));
        await using var aminaHub = amina.WebSocketHub();
        await using var raviHub = ravi.WebSocketHub();
        var aminaClosed = ClosedSignal(aminaHub);
        await aminaHub.StartAsync(Ct);
        await raviHub.StartAsync(Ct);

        await ChangeSecurityStampAsync(app, amina.User);
        await aminaClosed.WaitAsync(Patience, Ct);

        Assert.Equal(HubConnectionState.Connected, raviHub.State);
        Assert.Equal(HttpStatusCode.OK, (await ravi.Http.GetAsync("/api/queue", Ct)).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_closes_its_hub_connections()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        await using var hub = worker.WebSocketHub();
        var closed = ClosedSignal(hub);
        await hub.StartAsync(Ct);

        await app.ExecuteAsync($"UPDATE Users SET Disabled = 1 WHERE Id = '{worker.User.Id}'");

        await closed.WaitAsync(Patience, Ct);
    }

    [Fact]
    public async Task A_demoted_admin_is_refused_the_admin_endpoints_at_once()
    {
        await using var app = new HotlineApp();
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ines", UserRole.Admin, "en"));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/api/admin/partners", Ct)).StatusCode);

        await app.ExecuteAsync($"UPDATE Users SET Role = 'Caseworker' WHERE Id = '{admin.User.Id}'");

        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.Http.GetAsync("/api/admin/partners", Ct)).StatusCode);
    }

    private static async Task ChangeSecurityStampAsync(HotlineApp app, User user)
    {
        await using var session = await app.Services.GetRequiredService<Database>().BeginWriteAsync(Ct);
        await app.Services.GetRequiredService<UserAccounts>().ChangeSecurityStampAsync(session, user.Id, Ct);
        await session.CommitAsync(Ct);
    }

    private static Task ClosedSignal(HubConnection hub)
    {
        var closed = new TaskCompletionSource();
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
