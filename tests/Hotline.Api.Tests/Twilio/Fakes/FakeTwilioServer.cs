using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hotline.Api.Tests.Twilio.Fakes;

/// <summary>
/// Twilio's REST API for the Messages resource (create, list, fetch) on 127.0.0.1 and a free port,
/// speaking the real wire format so the official SDK works against it. Faults are arranged per create
/// request and apply in the order they were arranged.
/// </summary>
public sealed partial class FakeTwilioServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<StoredMessage> _messages = [];
    private readonly List<CreatedMessage> _created = [];
    private readonly Queue<Fault> _faults = new();
    private readonly List<TaskCompletionSource> _held = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _time;
    private WebApplication? _app;
    private long _sequence;
    private int _requests;
    private long _laterListPagesHeldTicks;
    private int _laterListPagesAsked;
    private int _credentialsRevoked;

    private FakeTwilioServer(string accountSid, string authToken, TimeProvider time)
    {
        AccountSid = accountSid;
        AuthToken = authToken;
        _time = time;
    }

    public string AccountSid { get; }

    public string AuthToken { get; }

    /// <summary>Where the fake listens, e.g. <c>http://127.0.0.1:41234/</c>; it stands for https://api.twilio.com.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Create requests received so far, whatever their outcome (bad credentials and arranged faults included).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Messages accepted through the API, oldest first, including those answered with an arranged failure.</summary>
    public IReadOnlyList<CreatedMessage> Created
    {
        get
        {
            lock (_gate)
            {
                return [.. _created];
            }
        }
    }

    /// <param name="timeProvider">Dates the messages (date_created, date_sent); the system clock when null.</param>
    public static async Task<FakeTwilioServer> StartAsync(string accountSid, string authToken, TimeProvider? timeProvider = null)
    {
        var server = new FakeTwilioServer(accountSid, authToken, timeProvider ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The test folder holds the API's appsettings and the process may carry ASPNETCORE_ variables: the fake needs neither.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();

        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.Run(server.HandleAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        server._app = app;
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>
    /// While revoked, every API request is answered as Twilio answers a rotated or revoked auth token: 401, code 20003.
    /// Revoked with false, the account's token is accepted again (the operator configured the new one).
    /// </summary>
    public void RevokeCredentials(bool revoked) => Volatile.Write(ref _credentialsRevoked, revoked ? 1 : 0);

    /// <summary>The next <paramref name="count"/> valid create requests answer <paramref name="statusCode"/> and create nothing.</summary>
    public void FailNext(int count, int statusCode) => Arrange(count, () => new Fault.Fail(statusCode));

    /// <summary>
    /// The next valid create request is refused with 400 and Twilio's error <paramref name="code"/>, whose text
    /// quotes the recipient where <paramref name="message"/> says <c>{To}</c> (as 21211's does).
    /// </summary>
    public void RejectNext(int code, string message) => Arrange(1, () => new Fault.Reject(code, message));

    /// <summary>The next <paramref name="count"/> valid create requests store the message, then answer <paramref name="statusCode"/>.</summary>
    public void FailNextAfterCreating(int count, int statusCode) => Arrange(count, () => new Fault.FailAfterCreating(statusCode));

    /// <summary>
    /// The next valid create request is answered <paramref name="statusCode"/> with an HTML page, as a gateway or proxy in front
    /// of Twilio answers, after storing the message when <paramref name="afterCreating"/>.
    /// </summary>
    public void AnswerNextWithGatewayPage(int statusCode, bool afterCreating) => Arrange(1, () => new Fault.GatewayPage(statusCode, afterCreating));

    /// <summary>The next valid create request stores the message and answers 201 with its JSON cut off halfway.</summary>
    public void CutNextAnswer() => Arrange(1, () => new Fault.CutAnswer());

    /// <summary>The next valid create request stores the message and answers 201 with <paramref name="body"/>: an empty object, or nothing.</summary>
    public void AnswerNextEmpty(string body) => Arrange(1, () => new Fault.EmptyAnswer(body));

    /// <summary>The next <paramref name="count"/> valid create requests store the message, then answer after <paramref name="delay"/>.</summary>
    public void HangNext(int count, TimeSpan delay) => Arrange(count, () => new Fault.Hang(delay));

    /// <summary>
    /// The next valid create request stores the message, then answers only once another valid create request has
    /// arrived: a client that sends one message at a time waits until it gives up.
    /// </summary>
    public void HoldNextUntilAnotherArrives() => Arrange(1, () => new Fault.HoldUntilAnother(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));

    /// <summary>Every later page of a message list (one asked for by its page token) is answered only after <paramref name="delay"/>.</summary>
    public void HoldLaterListPages(TimeSpan delay) => Volatile.Write(ref _laterListPagesHeldTicks, delay.Ticks);

    /// <summary>How many times a later page of a message list (one asked for by its page token) was asked for, held or not.</summary>
    public int LaterListPagesAsked => Volatile.Read(ref _laterListPagesAsked);

    /// <summary>A message a worker sent to one of the account's numbers; it shows in lists and fetches.</summary>
    public string AddInbound(string from, string to, string body)
    {
        lock (_gate)
        {
            var message = new StoredMessage(
                ++_sequence, NewSid(), to, from, body, null, "received", "inbound", 0, _time.GetUtcNow());
            _messages.Add(message);
            return message.Sid;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private static string NewSid() => "SM" + Guid.NewGuid().ToString("N");

    private void Arrange(int count, Func<Fault> fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(fault());
            }
        }
    }

    /// <summary>
    /// A create request has arrived: the requests held until then may answer, and this one takes the next fault arranged.
    /// One step under the lock, so that a request to be held is on the list before any later request looks: two sends that
    /// crossed could otherwise leave the first held, registered just after the second had released nobody.
    /// </summary>
    private Fault? ArriveAndTakeFault()
    {
        lock (_gate)
        {
            foreach (var held in _held)
            {
                held.TrySetResult();
            }

            _held.Clear();
            var fault = _faults.TryDequeue(out var next) ? next : null;
            if (fault is Fault.HoldUntilAnother hold)
            {
                _held.Add(hold.Release);
            }

            return fault;
        }
    }

    private StoredMessage Store(CreatedMessage created)
    {
        lock (_gate)
        {
            var status = created.MessagingServiceSid is null ? "queued" : "accepted";
            var message = new StoredMessage(
                ++_sequence, created.Sid, created.To, created.From, created.Body ?? "", created.MessagingServiceSid,
                status, "outbound-api", created.MediaUrls.Count, _time.GetUtcNow());
            _messages.Add(message);
            _created.Add(created);
            return message;
        }
    }

    private List<StoredMessage> Snapshot(Func<StoredMessage, bool> filter)
    {
        lock (_gate)
        {
            return _messages.Where(filter)
                .OrderByDescending(m => m.Created)
                .ThenByDescending(m => m.Sequence)
                .ToList();
        }
    }
}
