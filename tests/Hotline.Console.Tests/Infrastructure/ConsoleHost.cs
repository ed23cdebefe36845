using System.Security.Cryptography;
using Hotline.Api.Erasure;
using Hotline.Api.Partners;
using Hotline.Api.Privacy;
using Hotline.Api.Referrals;
using Hotline.Api.Tests.Infrastructure;
using Hotline.Api.Tests.Twilio;
using Hotline.Api.Tests.Twilio.Fakes;
using Hotline.Bot.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Hotline.Console.Tests.Infrastructure;

/// <summary>
/// The API tests' <see cref="TwilioHarness"/> (the app's own <c>Program</c> through <see cref="HotlineApp"/>, in
/// Development, with a Twilio account pointed at the local Twilio stand-in) on a real Kestrel port of
/// 127.0.0.1, since a browser needs one. The outbox dispatcher runs in the background, as in production,
/// unless a test turns it off to send the outbox itself (<see cref="DispatchAllAsync"/>).
/// </summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    public const string HotlineNumber = TwilioHarness.HotlineNumber;
    public const string Password = SignedInClient.Password;

    private int _nextChat;

    private ConsoleHost(TwilioHarness harness)
    {
        Harness = harness;
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    public TwilioHarness Harness { get; }

    public HotlineApp App => Harness.App;

    public IServiceProvider Services => App.Services;

    public FakeTwilioServer Twilio => Harness.Twilio;

    public string DatabaseFile => App.DatabaseFile;

    /// <summary>Where the browser reaches the host, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string BaseUrl { get; }

    public static async Task<ConsoleHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Hotline:Outbox:RunDispatcher"] = "true",
            ["Hotline:Outbox:PollMilliseconds"] = "50",
            ["Twilio:RequestTimeoutSeconds"] = "5",
            ["Hotline:Media:RunFetcher"] = "true",
            ["Hotline:Media:PollSeconds"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new ConsoleHost(await TwilioHarness.StartAsync(all, overKestrel: true));
    }

    /// <summary>A person who signs in through the console's form with <see cref="Password"/>.</summary>
    public Task<User> AddUserAsync(string userName, UserRole role, params string[] languages) =>
        SignedInClient.AddUserAsync(App, userName, role, languages);

    /// <summary>Sends what the outbox holds until nothing is waiting (for hosts whose dispatcher is off).</summary>
    public Task DispatchAllAsync() => App.DispatchAllAsync();

    public string NextPhone() => App.NextPhone().Value;

    /// <summary>Posts an inbound SMS to /twilio/sms over real HTTP, signed as Twilio signs it.</summary>
    public Task PostSmsAsync(string from, string body) => Harness.TextAsync(from, body);

    /// <summary>An MMS: <paramref name="bytes"/> waits at the Twilio stand-in, and the signed webhook carries its link.</summary>
    public async Task PostMmsAsync(string from, string body, byte[] bytes, string contentType)
    {
        var sid = "MM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var response = await Harness.PostSignedAsync("/twilio/sms", new Dictionary<string, string>
        {
            ["MessageSid"] = sid,
            ["AccountSid"] = TwilioHarness.AccountSid,
            ["From"] = from,
            ["To"] = HotlineNumber,
            ["Body"] = body,
            ["NumMedia"] = "1",
            ["MediaUrl0"] = Twilio.AddMedia(sid, bytes, contentType),
            ["MediaContentType0"] = contentType,
            ["ApiVersion"] = "2010-04-01",
        });
        response.EnsureSuccessStatusCode();
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
    public Task AskForPersonBySmsAsync(string from, string firstMessage) => Harness.TextAsync(from, firstMessage, "0");

    /// <summary>Twilio's status callback for a message it accepted, to the callback URL the hotline gave it.</summary>
    public async Task PostStatusCallbackAsync(CreatedMessage message, string status)
    {
        var callback = new Uri(message.StatusCallback ?? TwilioHarness.PublicBaseUrl + "/twilio/status");
        using var response = await Harness.PostSignedAsync(callback.PathAndQuery, new Dictionary<string, string>
        {
            ["MessageSid"] = message.Sid,
            ["SmsSid"] = message.Sid,
            ["AccountSid"] = TwilioHarness.AccountSid,
            ["From"] = HotlineNumber,
            ["To"] = message.To,
            ["MessageStatus"] = status,
            ["SmsStatus"] = status,
            ["ApiVersion"] = "2010-04-01",
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Queues a case directly through the queue, as the engine would after an intake in a known language.</summary>
    /// <summary>A partner in the directory, in English and Doha, written as the admin's pages write it.</summary>
    public async Task<Guid> AddPartnerAsync(string name, params string[] services)
    {
        var ct = TestContext.Current.CancellationToken;
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7(now);
        await using var session = await Services.GetRequiredService<Database>().BeginWriteAsync(ct);
        await Services.GetRequiredService<PartnerRepository>().AddAsync(session, new Partner
        {
            Id = id,
            Name = name,
            Services = services,
            Languages = ["en"],
            Regions = ["Doha"],
            ContactName = "Intake desk",
            ContactEmail = "intake@example.org",
            Active = true,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        }, ct);
        await session.CommitAsync(ct);
        return id;
    }

    /// <summary>A partner in the directory with the NGO account linked to it, as an admin links one: the partner's id.</summary>
    public async Task<Guid> AddLinkedPartnerAsync(User ngo, string name, params string[] services)
    {
        var ct = TestContext.Current.CancellationToken;
        var partnerId = await AddPartnerAsync(name, services);
        await using var session = await Services.GetRequiredService<Database>().BeginWriteAsync(ct);
        await Services.GetRequiredService<UserRepository>().UpdateOrganisationAsync(session, ngo.Id, partnerId, ct);
        await session.CommitAsync(ct);
        return partnerId;
    }

    /// <summary>A shelter referral the caseworker proposed, recorded the person's consent to, and sent: the referral's id.</summary>
    public async Task<Guid> SendShelterReferralAsync(User caseworker, Guid caseId, Guid partnerId, RecordConsent consent)
    {
        var ct = TestContext.Current.CancellationToken;
        var workflow = Services.GetRequiredService<ReferralWorkflow>();
        var referralId = (await workflow.ProposeAsync(caseworker, caseId, new ProposeReferral(partnerId, PartnerServices.Shelter), ct)).Value!.Id;
        await workflow.RecordConsentAsync(caseworker, caseId, referralId, consent, ct);
        await workflow.SendAsync(caseworker, caseId, referralId, ct);
        return referralId;
    }

    /// <summary>
    /// Queues a case on the real clock, and returns only once that clock has left the millisecond it was queued in: queue
    /// times are kept to the millisecond, and two cases queued in the same one are equally old, so the queue may show
    /// either first (it did, once the writes got fast enough for two seeds to share one).
    /// </summary>
    public async Task<Guid> SeedCaseAsync(string language, PriorityBand priority, params string[] reasons)
    {
        var queued = await App.QueueCaseAsync(App.NextPhone(), language, priority, reasons);
        while (App.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds() <= queued.QueuedAt.ToUnixTimeMilliseconds())
        {
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        return queued.Id;
    }

    /// <summary>Queues a case for a person writing on WhatsApp who last wrote <paramref name="hoursAgo"/> hours ago (their window closes a day after).</summary>
    public async Task<Guid> SeedWhatsAppCaseAsync(string language, PriorityBand priority, int hoursAgo)
    {
        var person = new ChannelAddress(Channel.WhatsApp, $"whatsapp:+9779822{Interlocked.Increment(ref _nextChat):D6}");
        var queued = await App.QueueCaseAsync(person, language, priority, "first_contact");
        var lastWrote = $"strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-{hoursAgo} hours')";
        await App.ExecuteAsync(
            $"UPDATE Conversations SET CreatedAt = {lastWrote}, LastInboundAt = {lastWrote} WHERE Id = (SELECT ConversationId FROM Cases WHERE Id = '{queued.Id}')");
        return queued.Id;
    }

    /// <summary>Queues a case for a person writing from a chat app (Bot Framework), where SMS parts mean nothing.</summary>
    public async Task<Guid> SeedChatCaseAsync(string language, PriorityBand priority)
    {
        var person = new ChannelAddress(Channel.Chat, $"simulator:person-{Interlocked.Increment(ref _nextChat)}");
        return (await App.QueueCaseAsync(person, language, priority, "first_contact")).Id;
    }

    /// <summary>
    /// What the retention sweep does to every closed case once its content's time has passed, now (the clock here is real, so
    /// the days cannot pass): the same statement finds them, the same eraser removes their words.
    /// </summary>
    public async Task EraseClosedCasesContentAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        List<CaseToErase> closed;
        await using (var session = await App.Database.OpenAsync(ct))
        {
            closed = (await session.QueryAsync<CaseToErase>("Cases_ReadContentToErase", new { Before = DateTimeOffset.UtcNow.AddDays(1), Take = 100 }, ct)).ToList();
        }

        foreach (var target in closed)
        {
            await Services.GetRequiredService<PersonalDataEraser>().EraseCaseContentAsync(target, batchSize: 100, ct);
        }
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

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
