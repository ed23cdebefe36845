using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;

namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A console's connection to the case hub, over a real port of 127.0.0.1: once it is gone, the instance counts it nowhere,
/// whatever happened while it connected.
/// </summary>
public sealed class HubConnectTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Review finding: the hub registered a connecting console (among the listeners the case-event stream pushes for, and as
    /// a live connection of its session) before reading the whole hotline's figures; when that read threw, SignalR never
    /// called OnDisconnectedAsync, and the connection stayed counted for good (the stream went on reading for nobody, and
    /// hotline.hub.connections only rose). The connect fails instead with nothing left behind, and the next one works.
    /// </summary>
    [Fact]
    public async Task A_connect_whose_read_of_the_figures_fails_leaves_nothing_counted_and_the_next_connect_works()
    {
        await using var app = new HotlineApp();
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        var cookie = await SignInAsync(app, address, "amina");
        var listeners = app.Services.GetRequiredService<CaseListeners>();
        var live = app.Services.GetRequiredService<LiveSessions>();
        // The database fails the figures' read: for a moment, the case-event log is not there.
        await app.ExecuteAsync("ALTER TABLE CaseEvents RENAME TO CaseEventsAway");

        await using (var failing = Hub(address, cookie))
        {
            var closed = ClosedAsync(failing);
            await failing.StartAsync(Ct);
            Assert.NotNull(await closed.WaitAsync(Patience, Ct));
        }

        Assert.Equal(0, listeners.ConnectionCount);
        Assert.Empty(live.Sessions());

        await app.ExecuteAsync("ALTER TABLE CaseEventsAway RENAME TO CaseEvents");
        await using var working = Hub(address, cookie);
        var figures = HubHeard.Figures(working);
        await working.StartAsync(Ct);
        Assert.Equal(0, (await HubHeard.NextAsync(figures)).Queued);
        await Poll.UntilAsync(() => listeners.ConnectionCount == 1, "the console to be counted", Patience);
    }

    /// <summary>Signs a new caseworker in through the real form over HTTP; returns the cookies a browser would send.</summary>
    private static async Task<string> SignInAsync(HotlineApp app, Uri address, string name)
    {
        await SignedInClient.AddUserAsync(app, name, UserRole.Caseworker, "en");
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = address };
        using var signedIn = await SignedInClient.PostSignInAsync(browser, name, SignedInClient.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return cookies.GetCookieHeader(address);
    }

    /// <summary>A real SignalR client over one WebSocket to the port, as a browser connects.</summary>
    private static HubConnection Hub(Uri address, string cookie) => new HubConnectionBuilder()
        .WithUrl(new Uri(address, CaseHub.Path), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.Headers["Cookie"] = cookie;
        })
        .AddJsonProtocol(json => CaseChangeJson.Configure(json.PayloadSerializerOptions))
        .Build();

    private static Task<Exception?> ClosedAsync(HubConnection hub)
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
