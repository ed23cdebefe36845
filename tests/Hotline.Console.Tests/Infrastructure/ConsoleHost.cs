using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hotline.Api.CaseStore;
using Hotline.Api.ConversationStore;
using Hotline.Api.Privacy;
using Hotline.Api.Storage;
using Hotline.Api.Tests.Twilio.Fakes;
using Hotline.Api.Users;
using Hotline.Bot.Channels;
using Hotline.Bot.Triage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Console.Tests.Infrastructure;

/// <summary>
/// The real host on a real Kestrel port (a browser needs one), over a fresh SQLite file, with keys made
/// for the run and a Twilio account pointed at the local Twilio stand-in. The outbox dispatcher runs in
/// the background, as in production, unless a test turns it off to send the outbox itself
/// (<see cref="DispatchAllAsync"/>).
/// </summary>
public sealed class ConsoleHost : WebApplicationFactory<Program>
{
    public const string PublicBaseUrl = "https://hotline.example.org";
    public const string HotlineNumber = "+15005550006";
    public const string Password = "correct horse battery staple";

    private readonly Dictionary<string, string?> _settings;
    private int _nextPhone;

    private ConsoleHost(FakeTwilioServer twilio, string accountSid, string authToken, IDictionary<string, string?>? settings)
    {
        Twilio = twilio;
        AccountSid = accountSid;
        AuthToken = authToken;
        Folder = Directory.CreateTempSubdirectory("hotline-console-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Hotline:Database:ConnectionString"] = $"Data Source={Path.Combine(Folder, "hotline.db")}",
            ["Hotline:Privacy:CurrentKeyId"] = "test1",
            ["Hotline:Privacy:Keys:test1"] = NewKey(),
            ["Hotline:Privacy:LookupKey"] = NewKey(),
            ["Hotline:PublicBaseUrl"] = PublicBaseUrl,
            ["Hotline:Outbox:PollMilliseconds"] = "50",
            ["Twilio:AccountSid"] = accountSid,
            ["Twilio:AuthToken"] = authToken,
            ["Twilio:PhoneNumber"] = HotlineNumber,
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString(),
            ["Twilio:SegmentsPerSecond"] = "1000",
            ["Twilio:RequestTimeoutSeconds"] = "5",
            ["Hotline:Media:Path"] = Path.Combine(Folder, "media"),
            ["Hotline:Media:PollSeconds"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public FakeTwilioServer Twilio { get; }

    public string AccountSid { get; }

    public string AuthToken { get; }

    public string Folder { get; }

    public string DatabaseFile => Path.Combine(Folder, "hotline.db");

    /// <summary>Where the browser reaches the host, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public static async Task<ConsoleHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var accountSid = "AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var authToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var twilio = await FakeTwilioServer.StartAsync(accountSid, authToken);
        var host = new ConsoleHost(twilio, accountSid, authToken, settings);
        try
        {
            host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            host.StartServer();
            host.BaseUrl = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
                .Addresses.Single().TrimEnd('/');
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the console's files from the static web assets manifest, as `dotnet run` does.
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task<User> AddUserAsync(string userName, UserRole role, params string[] languages)
    {
        var (user, error) = await Services.GetRequiredService<UserAccounts>()
            .AddAsync(userName, role, languages, Password, TestContext.Current.CancellationToken);
        return user ?? throw new InvalidOperationException(error);
    }

    /// <summary>Sends what the outbox holds, pass after pass, until nothing is waiting (for hosts whose dispatcher is off).</summary>
    public async Task DispatchAllAsync()
    {
        var dispatcher = Services.GetRequiredService<Hotline.Api.Outbox.OutboxDispatchJob>();
        while (await dispatcher.DispatchDueAsync(TestContext.Current.CancellationToken) > 0)
        {
        }
    }

    public string NextPhone() => $"+4420794{Interlocked.Increment(ref _nextPhone):D5}";

    /// <summary>Posts an inbound SMS to /twilio/sms over real HTTP, signed as Twilio signs it.</summary>
    public async Task PostSmsAsync(string from, string body)
    {
        var fields = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["AccountSid"] = AccountSid,
            ["From"] = from,
            ["To"] = HotlineNumber,
            ["Body"] = body,
            ["NumMedia"] = "0",
            ["NumSegments"] = "1",
            ["ApiVersion"] = "2010-04-01",
        };
        await PostSignedAsync(PublicBaseUrl + "/twilio/sms", fields);
    }

    /// <summary>An MMS: <paramref name="bytes"/> waits at the Twilio stand-in, and the signed webhook carries its link.</summary>
    public async Task PostMmsAsync(string from, string body, byte[] bytes, string contentType)
    {
        var sid = "MM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await PostSignedAsync(PublicBaseUrl + "/twilio/sms", new Dictionary<string, string>
        {
            ["MessageSid"] = sid,
            ["AccountSid"] = AccountSid,
            ["From"] = from,
            ["To"] = HotlineNumber,
            ["Body"] = body,
            ["NumMedia"] = "1",
            ["MediaUrl0"] = Twilio.AddMedia(sid, bytes, contentType),
            ["MediaContentType0"] = contentType,
            ["ApiVersion"] = "2010-04-01",
        });
    }

    /// <summary>Waits until the media job has settled every attachment (kept or not), as the database has it.</summary>
    public async Task WaitForMediaAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM MediaItems WHERE Status IN ('Pending', 'Stored')";
            if ((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 0)
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The media job did not settle the attachments within 20 s.");
    }

    /// <summary>
    /// A worker's first message, then "0" (a person, please), which the intake answers by handing the
    /// conversation to the caseworkers: the case is queued by the second webhook.
    /// </summary>
    public async Task AskForPersonBySmsAsync(string from, string firstMessage)
    {
        await PostSmsAsync(from, firstMessage);
        await PostSmsAsync(from, "0");
    }

    /// <summary>Twilio's status callback for a message it accepted, to the callback URL the hotline gave it.</summary>
    public async Task PostStatusCallbackAsync(CreatedMessage message, string status)
    {
        await PostSignedAsync(message.StatusCallback ?? PublicBaseUrl + "/twilio/status", new Dictionary<string, string>
        {
            ["MessageSid"] = message.Sid,
            ["SmsSid"] = message.Sid,
            ["AccountSid"] = AccountSid,
            ["From"] = HotlineNumber,
            ["To"] = message.To,
            ["MessageStatus"] = status,
            ["SmsStatus"] = status,
            ["ApiVersion"] = "2010-04-01",
        });
    }

    /// <summary>Posts a form to the host over real HTTP with Twilio's signature for <paramref name="publicUrl"/>.</summary>
    private async Task PostSignedAsync(string publicUrl, Dictionary<string, string> fields)
    {
        var path = new Uri(publicUrl).PathAndQuery;
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", Sign(publicUrl, fields));
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private string Sign(string url, Dictionary<string, string> fields)
    {
        var data = new StringBuilder(url);
        foreach (var field in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(field.Key).Append(field.Value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(AuthToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>Queues a case directly through the queue, as the engine would after an intake in a known language.</summary>
    public async Task<Guid> SeedCaseAsync(string language, PriorityBand priority, params string[] reasons)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = Services.GetRequiredService<Database>();
        await using var session = await database.BeginWriteAsync(ct);
        var conversation = await Services.GetRequiredService<ConversationRepository>()
            .CreateAsync(session, new ChannelAddress(Channel.Sms, NextPhone()), language, ct);
        var queued = await Services.GetRequiredService<CaseQueue>()
            .EnqueueAsync(session, new NewCase(conversation.Id, language, priority, (int)priority * 10, reasons), ct);
        await session.CommitAsync(ct);
        return queued.Id;
    }

    /// <summary>Queues a case for a person writing from a chat app (Bot Framework), where SMS parts mean nothing.</summary>
    public async Task<Guid> SeedChatCaseAsync(string language, PriorityBand priority)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await Services.GetRequiredService<Database>().BeginWriteAsync(ct);
        var conversation = await Services.GetRequiredService<ConversationRepository>()
            .CreateAsync(session, new ChannelAddress(Channel.Chat, $"simulator:person-{Interlocked.Increment(ref _nextPhone)}"), language, ct);
        var queued = await Services.GetRequiredService<CaseQueue>()
            .EnqueueAsync(session, new NewCase(conversation.Id, language, priority, (int)priority * 10, ["first_contact"]), ct);
        await session.CommitAsync(ct);
        return queued.Id;
    }

    /// <summary>The open cases as the database has them: (id, status), in no particular order.</summary>
    public async Task<IReadOnlyList<(string Id, string Status)>> OpenCasesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Status FROM Cases WHERE Status IN ('Queued', 'Claimed')";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var cases = new List<(string, string)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            cases.Add((reader.GetString(0).ToLowerInvariant(), reader.GetString(1)));
        }

        return cases;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Twilio.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
