using Hotline.Api.CaseStore;
using Hotline.Api.ConversationStore;
using Hotline.Api.Privacy;
using Hotline.Api.Storage;
using Hotline.Api.Users;
using Hotline.Bot.Channels;
using Hotline.Bot.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// The host for a test that drives the stores, the queue and the outbox itself, through the parts the app
/// registers (<see cref="Get{T}"/>): a test never builds them by hand.
/// </summary>
public sealed partial class HotlineApp
{
    /// <summary>Where a <see cref="StartPartsAsync"/> clock starts; the test moves it.</summary>
    public static readonly DateTimeOffset PartsClockStart = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private int _nextPhone;

    /// <summary>
    /// The app as Production wires it, over a fresh, migrated database on <paramref name="engine"/> (a SQL
    /// Server test is skipped without HOTLINE_TEST_SQLSERVER), with a <see cref="FakeTimeProvider"/> for its
    /// clock and none of its own background jobs running (dispatcher, sweeps, projections), so nothing moves
    /// behind the test's back. Started before it returns: the schema is in place. <paramref name="services"/> run
    /// after the app's own registration (a log provider, say).
    /// </summary>
    public static Task<HotlineApp> StartPartsAsync(DatabaseProvider engine = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        HostDatabase.FreshAsync(engine, database => StartPartsAsync(database, settings, services));

    /// <summary>The same host over <paramref name="database"/>, which other hosts run on before, after or beside it (see <see cref="HostDatabase"/>).</summary>
    public static async Task<HotlineApp> StartPartsAsync(HostDatabase database, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var all = Overridden(new Dictionary<string, string?>
        {
            ["Hotline:PublicBaseUrl"] = "https://hotline.example.org",
            ["Twilio:Enabled"] = "false",
            ["Twilio:AuthToken"] = "parts-auth-token",
        }, settings);

        var clock = new FakeTimeProvider(PartsClockStart);
        var app = await CreateAsync(database, all, Environments.Production, registered =>
        {
            WithoutBackgroundJobs(registered);
            registered.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            services?.Invoke(registered);
        });
        // Program answers a failed start check with exit code 1, which the factory does not see: without
        // this, a test would run on with an unmigrated database and fail far from the cause.
        if (!app.Get<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException("Hotline did not start; Program wrote why on standard error (\"Hotline cannot start: ...\").");
        }

        return app;
    }

    /// <summary>A part of the running app, as the app itself resolves it.</summary>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public Database Database => Get<Database>();

    /// <summary>The app's clock, when the test gave it a <see cref="FakeTimeProvider"/> (as <see cref="StartPartsAsync"/> does).</summary>
    public FakeTimeProvider Time => Get<TimeProvider>() as FakeTimeProvider
        ?? throw new InvalidOperationException("This app runs on the system clock; start it with StartPartsAsync or register a FakeTimeProvider.");

    /// <summary>A caseworker, supervisor or admin stored directly (no password to sign in with).</summary>
    public async Task<User> AddUserAsync(UserRole role, params string[] languages)
    {
        var ct = TestContext.Current.CancellationToken;
        var user = new User
        {
            Id = Guid.NewGuid(),
            UserName = $"user-{Guid.NewGuid():N}",
            DisplayName = "Test user",
            Role = role,
            PasswordHash = "not-a-real-hash",
            CreatedAt = Time.GetUtcNow(),
            Languages = languages,
        };
        await using var session = await Database.BeginWriteAsync(ct);
        await Get<UserRepository>().AddAsync(session, user, ct);
        await session.CommitAsync(ct);
        return user;
    }

    /// <summary>Opens a conversation and queues its case; the clock moves a second so queue times differ.</summary>
    public async Task<CaseRecord> QueueCaseAsync(string language, PriorityBand priority, params string[] reasons)
    {
        var queued = await QueueCaseAsync(NextPhone(), language, priority, reasons);
        Time.Advance(TimeSpan.FromSeconds(1));
        return queued;
    }

    /// <summary>Opens a conversation with <paramref name="address"/> and queues its case, as the engine would after an intake in a known language; on whatever clock the app runs.</summary>
    public async Task<CaseRecord> QueueCaseAsync(ChannelAddress address, string language, PriorityBand priority, params string[] reasons)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await Database.BeginWriteAsync(ct);
        var conversation = await Get<ConversationRepository>().CreateAsync(session, address, language, ct);
        var queued = await Get<CaseQueue>().EnqueueAsync(session, new NewCase(conversation.Id, language, priority, (int)priority * 10, reasons), ct);
        await session.CommitAsync(ct);
        return queued;
    }

    /// <summary>A phone number no other person in this app has used.</summary>
    public ChannelAddress NextPhone() =>
        new(Channel.Sms, $"+44207946{Interlocked.Increment(ref _nextPhone):D4}");

    /// <summary>
    /// Takes out the app's own hosted services (the outbox dispatcher, the sweeps, the projections, the
    /// checkpointer); the framework's web host stays. Their parts stay registered for the test to call.
    /// </summary>
    private static void WithoutBackgroundJobs(IServiceCollection services)
    {
        var app = typeof(Program).Assembly;
        var jobs = services.Where(descriptor => descriptor.ServiceType == typeof(IHostedService) && !descriptor.IsKeyedService
            && (descriptor.ImplementationType ?? descriptor.ImplementationFactory?.Method.DeclaringType)?.Assembly == app).ToList();
        foreach (var job in jobs)
        {
            services.Remove(job);
        }
    }
}
