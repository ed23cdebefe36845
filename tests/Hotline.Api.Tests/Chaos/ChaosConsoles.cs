using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hotline.Api.Tests.Chaos;

/// <summary>
/// Supervisors' consoles on the case hub through the proxy, as the browser console behaves: each listens for
/// <c>CasesChanged</c>, reconnects through whichever process is alive when its own dies, and on reconnecting
/// resyncs (<c>GET /api/case-events</c>) from the last sequence number it holds every event up to: a push past a gap
/// (one that came through the process it has just reached, while the events before it went to consoles of the process
/// that died) leaves that number where it was, as the console's live.js does. What each one learnt, and how, is kept
/// for the run's checks.
/// </summary>
public sealed class ChaosConsoles : IAsyncDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(300);

    private readonly List<Watcher> _watchers;

    private ChaosConsoles(List<Watcher> watchers) => _watchers = watchers;

    /// <summary>Signs in once (a supervisor sees every case) and opens <paramref name="count"/> consoles with that session.</summary>
    public static async Task<ChaosConsoles> ConnectAsync(Uri proxy, string userName, string password, int count, CancellationToken cancellationToken)
    {
        var cookie = await SignInAsync(proxy, userName, password, cancellationToken);
        var watchers = Enumerable.Range(0, count).Select(_ => new Watcher(proxy, cookie)).ToList();
        await Task.WhenAll(watchers.Select(w => w.StartAsync(cancellationToken)));
        return new ChaosConsoles(watchers);
    }

    /// <summary>Each console's final resync, as a console does when it is next looked at; then what each one knows.</summary>
    public async Task<IReadOnlyList<ConsoleView>> ResyncAndReadAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_watchers.Select(w => w.ResyncAsync(cancellationToken)));
        return [.. _watchers.Select(w => w.View())];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var watcher in _watchers)
        {
            await watcher.DisposeAsync();
        }
    }

    /// <summary>The cases one console learnt of by push and by resync, and how often it reconnected.</summary>
    public sealed record ConsoleView(IReadOnlySet<Guid> Pushed, IReadOnlySet<Guid> Resynced, int Reconnects)
    {
        public IReadOnlySet<Guid> Known => Pushed.Union(Resynced).ToHashSet();
    }

    private static async Task<string> SignInAsync(Uri proxy, string userName, string password, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Outside Development the session cookie is Secure; the consoles reach the processes over plain http.
            var cookies = new ProxiedBrowserCookies(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false });
            using var client = new HttpClient(cookies) { BaseAddress = proxy };
            try
            {
                var antiforgery = await client.GetFromJsonAsync<JsonElement>("/api/antiforgery", cancellationToken);
                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["userName"] = userName,
                    ["password"] = password,
                    ["__RequestVerificationToken"] = antiforgery.GetProperty("token").GetString() ?? "",
                });
                using var response = await client.PostAsync("/console/signin", form, cancellationToken);
                var header = cookies.CookieHeader;
                if (response.StatusCode == HttpStatusCode.Redirect && header.Contains("hotline.session=", StringComparison.Ordinal))
                {
                    return header;
                }

                throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode} to {response.Headers.Location}.");
            }
            catch (HttpRequestException)
            {
                // The process behind this connection was killed: sign in through another.
                await Task.Delay(RetryEvery, cancellationToken);
            }
        }
    }

    private sealed class Watcher : IAsyncDisposable
    {
        private readonly Lock _gate = new();
        private readonly HashSet<Guid> _pushed = [];
        private readonly HashSet<Guid> _resynced = [];
        private readonly HubConnection _hub;
        private readonly HttpClient _http;
        private long _lastSequence;
        private int _reconnects;

        public Watcher(Uri proxy, string cookie)
        {
            // A page of case events reads each case's summary: on a loaded machine it can take longer than 10 s, and a
            // page that always times out would be asked for forever.
            _http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(90) };
            _http.DefaultRequestHeaders.Add("Cookie", cookie);
            _hub = new HubConnectionBuilder()
                .WithUrl(new Uri(proxy, "/hubs/cases"), options =>
                {
                    // One WebSocket, so the proxy keeps the whole connection on one process.
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                    options.Headers["Cookie"] = cookie;
                })
                .WithAutomaticReconnect(new AlwaysRetry())
                .Build();
            _hub.On<JsonElement>("CasesChanged", changes =>
            {
                lock (_gate)
                {
                    // Each change is a positional array (CaseChangeJson): sequence, type, case id, ...
                    foreach (var change in changes.EnumerateArray())
                    {
                        _pushed.Add(change[2].GetGuid());
                        if (change[0].GetInt64() == _lastSequence + 1)
                        {
                            _lastSequence++;
                        }
                    }
                }
            });
            _hub.Reconnected += async _ =>
            {
                Interlocked.Increment(ref _reconnects);
                await ResyncAsync(CancellationToken.None);
            };
        }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                try
                {
                    await _hub.StartAsync(cancellationToken);
                    return;
                }
                catch (Exception ex) when (ex is HttpRequestException or System.Net.WebSockets.WebSocketException or InvalidOperationException or IOException)
                {
                    await Task.Delay(RetryEvery, cancellationToken);
                }
            }
        }

        /// <summary>Reads the case events after the last sequence seen, page by page, retrying through another process if one dies.</summary>
        public async Task ResyncAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                long after;
                lock (_gate)
                {
                    after = _lastSequence;
                }

                JsonElement page;
                try
                {
                    page = await _http.GetFromJsonAsync<JsonElement>($"/api/case-events?after={after}&take=200", cancellationToken);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(RetryEvery, cancellationToken);
                    continue;
                }

                lock (_gate)
                {
                    foreach (var caseEvent in page.GetProperty("events").EnumerateArray())
                    {
                        _resynced.Add(caseEvent.GetProperty("caseId").GetGuid());
                    }

                    _lastSequence = Math.Max(_lastSequence, page.GetProperty("lastSequence").GetInt64());
                }

                if (!page.GetProperty("more").GetBoolean())
                {
                    return;
                }
            }
        }

        public ConsoleView View()
        {
            lock (_gate)
            {
                return new ConsoleView(_pushed.ToHashSet(), _resynced.ToHashSet(), Volatile.Read(ref _reconnects));
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _hub.DisposeAsync();
            _http.Dispose();
        }
    }

    /// <summary>The browser console never gives up on the hub; neither do these.</summary>
    private sealed class AlwaysRetry : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => RetryEvery;
    }
}
