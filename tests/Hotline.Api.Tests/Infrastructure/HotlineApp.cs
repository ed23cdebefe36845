using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// The real host, wired by the app's own <c>Program</c>, over a fresh SQLite file in a temporary folder (or, through
/// <see cref="CreateAsync"/>, a fresh database on either engine), with keys made for the test run; settings and
/// services can be overridden. See tests/README.md.
/// </summary>
public sealed partial class HotlineApp : WebApplicationFactory<Program>
{
    private readonly HostDatabase _hostDatabase;
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;
    private Database? _database;

    public HotlineApp(IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? services = null)
        : this(HostDatabase.NewSqlite(), settings, environment, services)
    {
    }

    /// <param name="held">The database this app runs on, already held for it: the app lets go of it when disposed.</param>
    private HotlineApp(HostDatabase held, IDictionary<string, string?>? settings, string environment, Action<IServiceCollection>? services)
    {
        _hostDatabase = held;
        _environment = environment;
        _services = services;
        _settings = Overridden(Overridden(new Dictionary<string, string?>(TestKeys.AsConfiguration()) { [EveryRoleKey] = "false" }, held.Settings()), settings);
    }

    /// <summary>
    /// Off in tests unless a test turns it on: Development's appsettings add a caseworker and a partner account to the
    /// first start, who would stand in every test's lists of colleagues, loads and accounts.
    /// </summary>
    public const string EveryRoleKey = "Hotline:Auth:DevelopmentAccountsForEveryRole";

    /// <summary>
    /// The host over a fresh, empty database on <paramref name="engine"/>: a SQLite file in <see cref="Folder"/>, or a
    /// database of its own on the server named by HOTLINE_TEST_SQLSERVER (the test is skipped, before anything is made,
    /// without one), dropped when the app is disposed. <paramref name="settings"/> apply over the engine's.
    /// </summary>
    public static Task<HotlineApp> CreateAsync(DatabaseProvider engine, IDictionary<string, string?>? settings = null,
        string environment = "Development", Action<IServiceCollection>? services = null) =>
        HostDatabase.FreshAsync(engine, database => CreateAsync(database, settings, environment, services));

    /// <summary>
    /// The host over <paramref name="database"/>, which other hosts may run on before, after or beside it (see
    /// <see cref="HostDatabase"/>): the same SQLite file, or the same SQL Server database, and the same media folder.
    /// </summary>
    public static Task<HotlineApp> CreateAsync(HostDatabase database, IDictionary<string, string?>? settings = null,
        string environment = "Development", Action<IServiceCollection>? services = null) =>
        Task.FromResult(new HotlineApp(database.Hold(), settings, environment, services));

    /// <summary><paramref name="settings"/> with <paramref name="overrides"/> written over them.</summary>
    internal static Dictionary<string, string?> Overridden(Dictionary<string, string?> settings, IDictionary<string, string?>? overrides)
    {
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// The host as Production starts it with the least configuration it accepts: a public URL, and Twilio
    /// configured but switched off, so nothing is sent. <paramref name="settings"/> add to these or override them.
    /// </summary>
    public static HotlineApp InProduction(IDictionary<string, string?>? settings = null)
    {
        var production = new Dictionary<string, string?>
        {
            ["Hotline:PublicBaseUrl"] = "https://hotline.example.org",
            ["Twilio:AuthToken"] = "token",
            ["Twilio:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            production[key] = value;
        }

        return new HotlineApp(production, "Production");
    }

    /// <summary>The database the host runs on: a second host started on it (<c>HotlineApp.CreateAsync(first.HostDatabase)</c>) shares it, and keeps it after this one is disposed.</summary>
    public HostDatabase HostDatabase => _hostDatabase;

    /// <summary>The folder of the database the host runs on (its SQLite file, its media).</summary>
    public string Folder => _hostDatabase.Folder;

    /// <summary>The SQLite file the host runs on (unless the settings chose SQL Server: see <see cref="Engine"/>).</summary>
    public string DatabaseFile => _hostDatabase.SqliteFile;

    /// <summary>The engine the host was configured with.</summary>
    public DatabaseProvider Engine =>
        Enum.Parse<DatabaseProvider>(_settings.GetValueOrDefault("Hotline:Database:Provider") ?? nameof(DatabaseProvider.Sqlite));

    /// <summary>
    /// PBKDF2 iterations of the passwords a test host hashes: Identity's own hasher and format, at a hundredth of its
    /// 100,000 (which the product keeps). A run hashes thousands of passwords (each host's Development accounts, every
    /// sign-in), and at the product's cost that was about a fifth of the in-process tests' CPU; what a test checks of
    /// a password (accepted, refused, stored only as a hash) does not depend on the count.
    /// </summary>
    private const int TestPasswordHashIterations = 1_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordHashIterations));
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    /// <summary>What the test assembly notes of the database this app ran on once it is disposed (statement coverage).</summary>
    partial void Disposed(Database database);

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        _database = host.Services.GetRequiredService<Database>();
        return host;
    }

    /// <summary>One pass of the media job (tests run it instead of the background loop, with Hotline:Media:RunFetcher off).</summary>
    public Task<int> FetchMediaAsync() =>
        Services.GetRequiredService<Hotline.Api.Media.MediaFetchJob>().FetchDueAsync(TestContext.Current.CancellationToken);

    /// <summary>Runs the dispatcher until nothing is pending or being sent (bounded, so a stuck outbox fails the test).</summary>
    public async Task DispatchAllAsync()
    {
        var dispatcher = Services.GetRequiredService<Hotline.Api.Outbox.OutboxDispatchJob>();
        for (var pass = 0; pass < 500; pass++)
        {
            await dispatcher.DispatchDueAsync(TestContext.Current.CancellationToken);
            if (await CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status IN ('Pending', 'Sending')") == 0)
            {
                return;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The outbox still has messages waiting after 500 passes.");
    }

    /// <summary>A test's own look at the raw tables, on a connection of its own.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await OpenOwnConnectionAsync();
        return await connection.ExecuteScalarCountAsync(sql);
    }

    public async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = await OpenOwnConnectionAsync();
        return await connection.ExecuteScalarTextAsync(sql);
    }

    /// <summary>A test's own change to the raw tables (to corrupt a row, say), on a connection of its own.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenOwnConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A connection outside the app's own sessions, on the engine and database the host runs on.</summary>
    internal async Task<DbConnection> OpenOwnConnectionAsync()
    {
        DbConnection connection = Engine == DatabaseProvider.Sqlite
            ? new SqliteConnection($"Data Source={DatabaseFile}")
            : new SqlConnection(_settings["Hotline:Database:ConnectionString"]);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            Disposed(_database);
        }

        SqliteConnection.ClearAllPools();
        await _hostDatabase.DisposeAsync();
    }
}
