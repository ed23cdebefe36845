using System.Net;
using System.Security.Cryptography;
using Hotline.Api.Outbox;
using Hotline.Api.Tests.Infrastructure;
using Hotline.Api.Tests.Twilio.Fakes;
using Hotline.Api.TwilioDeletion;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Api.Tests.Twilio;

/// <summary>
/// The real host with a Twilio account pointed at a local Twilio stand-in. The dispatcher does not run
/// in the background here: tests send the outbox with <see cref="DispatchAllAsync"/>, so that what
/// happens between a reply being queued and being sent is under the test's control.
/// </summary>
public sealed class TwilioHarness : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://hotline.example.org";
    public const string HotlineNumber = "+15005550006";
    public static readonly string AccountSid = "AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private TwilioHarness(FakeTwilioServer twilio, HotlineApp app, string authToken, bool overKestrel)
    {
        Twilio = twilio;
        App = app;
        AuthToken = authToken;
        if (overKestrel)
        {
            app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            app.StartServer();
        }

        Client = app.CreateClient();
    }

    public FakeTwilioServer Twilio { get; }

    public HotlineApp App { get; }

    public HttpClient Client { get; }

    public string AuthToken { get; }

    /// <param name="overKestrel">Serves on a real port of 127.0.0.1 instead of in memory, for what depends on the caller's address.</param>
    public static Task<TwilioHarness> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        bool overKestrel = false) =>
        StartAsync(DatabaseProvider.Sqlite, settings, services, overKestrel);

    /// <summary>The harness over a fresh database on <paramref name="engine"/> (see <see cref="HotlineApp.CreateAsync"/>).</summary>
    public static Task<TwilioHarness> StartAsync(DatabaseProvider engine, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, bool overKestrel = false) =>
        // The database is made (or the test skipped) before the Twilio stand-in starts: a skipped test leaves nothing behind.
        HostDatabase.FreshAsync(engine, database => StartAsync(database, settings, services, overKestrel));

    /// <summary>The harness over <paramref name="database"/>, which other hosts run on before, after or beside it (see <see cref="HostDatabase"/>).</summary>
    public static async Task<TwilioHarness> StartAsync(HostDatabase database, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, bool overKestrel = false)
    {
        var authToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var twilio = await FakeTwilioServer.StartAsync(AccountSid, authToken);
        var all = new Dictionary<string, string?>
        {
            ["Hotline:PublicBaseUrl"] = PublicBaseUrl,
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = authToken,
            ["Twilio:PhoneNumber"] = HotlineNumber,
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString(),
            ["Twilio:SegmentsPerSecond"] = "1000",
            ["Twilio:RequestTimeoutSeconds"] = "1",
            ["Hotline:Outbox:RunDispatcher"] = "false",
            ["Hotline:Outbox:RetryBaseMilliseconds"] = "1",
            ["Hotline:Outbox:RetryMaxSeconds"] = "1",
            ["Hotline:Outbox:MaxAttempts"] = "4",
            ["Hotline:Media:RunFetcher"] = "false",
            ["Hotline:Media:RetryBaseSeconds"] = "1",
            // Deletions at Twilio run when a test asks (DeleteAtTwilioAsync), not every few seconds behind its back.
            ["Twilio:Deletion:IntervalSeconds"] = "3600",
            ["Twilio:Deletion:RetryBaseMilliseconds"] = "1",
            ["Twilio:Deletion:RetryMaxSeconds"] = "1",
        };
        return new TwilioHarness(twilio, await HotlineApp.CreateAsync(database, HotlineApp.Overridden(all, settings), services: services),
            authToken, overKestrel);
    }

    public static Dictionary<string, string> InboundFields(string from, string body, string? sid = null) => new()
    {
        ["MessageSid"] = sid ?? NewSid(),
        ["AccountSid"] = AccountSid,
        ["From"] = from,
        ["To"] = HotlineNumber,
        ["Body"] = body,
        ["NumMedia"] = "0",
        ["NumSegments"] = "1",
        ["ApiVersion"] = "2010-04-01",
    };

    /// <summary>Twilio's status callback for a reply to <paramref name="to"/>, as it posts it to /twilio/status.</summary>
    public static Dictionary<string, string> StatusFields(string to, string sid, string status) => new()
    {
        ["MessageSid"] = sid,
        ["MessageStatus"] = status,
        ["AccountSid"] = AccountSid,
        ["To"] = to,
        ["From"] = HotlineNumber,
    };

    public static string NewSid() => "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Twilio's signature with this harness's auth token (<see cref="TwilioWebhookSignature"/>).</summary>
    public string Sign(string url, IReadOnlyDictionary<string, string> fields) => Sign(AuthToken, url, fields);

    /// <inheritdoc cref="TwilioWebhookSignature.Sign"/>
    public static string Sign(string authToken, string url, IReadOnlyDictionary<string, string> fields) => TwilioWebhookSignature.Sign(authToken, url, fields);

    /// <summary>The person at <paramref name="from"/> texts the hotline, one signed webhook per text, each answered 2xx.</summary>
    public async Task TextAsync(string from, params string[] texts)
    {
        foreach (var text in texts)
        {
            (await PostSignedAsync("/twilio/sms", InboundFields(from, text))).EnsureSuccessStatusCode();
        }
    }

    public Task<HttpResponseMessage> PostSignedAsync(string path, IReadOnlyDictionary<string, string> fields) =>
        PostAsync(path, fields, Sign(PublicBaseUrl + path, fields));

    public async Task<HttpResponseMessage> PostAsync(string path, IReadOnlyDictionary<string, string> fields, string? signature,
        IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task DispatchAllAsync() => App.DispatchAllAsync();

    /// <summary>One pass of the deletions at Twilio that are due; the number attempted.</summary>
    public Task<int> DeleteAtTwilioAsync() =>
        App.Services.GetRequiredService<TwilioDeletionJob>().DeleteDueAsync(TestContext.Current.CancellationToken);

    public Task<long> CountAsync(string sql) => App.CountAsync(sql);

    public Task<string?> ScalarAsync(string sql) => App.ScalarAsync(sql);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Twilio.DisposeAsync();
    }
}
