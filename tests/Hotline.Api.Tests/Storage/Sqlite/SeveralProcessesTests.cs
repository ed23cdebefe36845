namespace Hotline.Api.Tests.Storage.Sqlite;

/// <summary>
/// Two or three API processes on one SQLite file, as a rolling restart overlaps them: nothing in-process
/// serialises them, only SQLite's locks (<c>BEGIN IMMEDIATE</c> and the busy timeout), the migration file
/// lock, the outbox leases and Redis's shared send rate.
/// </summary>
public sealed class SeveralProcessesTests
{
    private const string AuthToken = "several-processes-token";

    private static readonly int MigrationCount = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
        .Count(name => name.StartsWith(DatabaseMigrator.MigrationsRoot + "Sqlite.", StringComparison.Ordinal));

    [Fact]
    public async Task Three_processes_started_at_once_on_a_new_file_apply_each_migration_once()
    {
        await using var fleet = await ApiFleet.StartAsync(3, new Dictionary<string, string>
        {
            ["Hotline__PublicBaseUrl"] = TwilioHarness.PublicBaseUrl,
            ["Twilio__AuthToken"] = AuthToken,
        });

        await using var connection = await OpenAsync(fleet);
        Assert.Equal(MigrationCount, await connection.ExecuteScalarCountAsync("SELECT COUNT(*) FROM SchemaVersions"));
        using var client = new HttpClient();
        foreach (var address in fleet.Addresses)
        {
            using var ready = await client.GetAsync(new Uri(address, "/health/ready"), Ct);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
    }

    /// <summary>The same race without process start-up spreading it out: three migrators, each with a database of its own, on one new file.</summary>
    [Fact]
    public async Task Three_migrators_starting_at_once_on_one_new_file_apply_each_migration_once()
    {
        var folder = Directory.CreateTempSubdirectory("hotline-migrators-").FullName;
        try
        {
            var file = Path.Combine(folder, "hotline.db");
            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
                new DatabaseMigrator(TestDatabase.Unmigrated(DatabaseProvider.Sqlite, $"Data Source={file}", folder), NullLoggerFactory.Instance)
                    .MigrateAsync(Ct), Ct)));

            await using var connection = new SqliteConnection($"Data Source={file};Pooling=False;Mode=ReadOnly");
            await connection.OpenAsync(Ct);
            Assert.Equal(MigrationCount, await connection.ExecuteScalarCountAsync("SELECT COUNT(*) FROM SchemaVersions"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A second instance (a rolling restart's, or a test's second host on a shared file) that finds the migration lock
    /// held waits for it, then starts. The host here runs on a test's frozen clock: the wait must not be timed by it.
    /// </summary>
    [Fact]
    public async Task A_host_on_a_frozen_clock_that_finds_the_migration_lock_held_starts_once_it_is_let_go()
    {
        var folder = Directory.CreateTempSubdirectory("hotline-lock-wait-").FullName;
        var file = Path.Combine(folder, "hotline.db");
        var logs = new CapturedLogs();
        try
        {
            Task<HotlineApp> starting;
            // Held as another process holds it: an exclusive open of the lock file beside the database.
            await using (new FileStream(file + ".migrations-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            {
                starting = Task.Run(() => HotlineApp.StartPartsAsync(
                    settings: new Dictionary<string, string?> { ["Hotline:Database:ConnectionString"] = $"Data Source={file}" },
                    services: services => services.AddSingleton<ILoggerProvider>(logs)), Ct);
                await Poll.UntilAsync(() => logs.Lines.Any(line => line.Contains("Waiting for the migration lock", StringComparison.Ordinal)), "the second process to wait for the migration lock", TimeSpan.FromSeconds(60));
            }

            await using var hotline = await starting.WaitAsync(TimeSpan.FromMinutes(2), Ct);
            Assert.True(hotline.Get<DatabaseMigrator>().Completed);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Webhooks_spread_over_three_processes_are_each_stored_once_and_each_reply_is_sent_once()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var twilio = await FakeTwilioServer.StartAsync(TwilioHarness.AccountSid, AuthToken);
        var environment = ApiFleet.TwilioEnvironment(twilio.BaseUrl, TwilioHarness.AccountSid, AuthToken, TwilioHarness.PublicBaseUrl, TwilioHarness.HotlineNumber);
        environment["Hotline__Redis__ConnectionString"] = redis.ConnectionString;
        await using var fleet = await ApiFleet.StartAsync(3, environment);
        var people = Enumerable.Range(1, 240).Select(i => $"+97798200{i:D5}").ToList();
        var sids = new List<string>();
        using var client = new HttpClient();

        var answers = await Task.WhenAll(people.Select((person, i) =>
        {
            var fields = TwilioHarness.InboundFields(person, "hello");
            lock (sids)
            {
                sids.Add(fields["MessageSid"]);
            }

            return PostSignedAsync(client, fleet.Addresses[i % 3], fields);
        }));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        await using var connection = await OpenAsync(fleet);
        Assert.Equal(240, await connection.ExecuteScalarCountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
        Assert.Equal(240, await connection.ExecuteScalarCountAsync("SELECT COUNT(DISTINCT ChannelMessageId) FROM Messages WHERE Direction = 'Inbound'"));
        await Poll.UntilAsync(async () => await connection.ExecuteScalarCountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Sent'") == 0, "every reply to be sent", TimeSpan.FromSeconds(60));
        // A first message may be answered with one reply or two (the language menu and how to answer it): each once.
        Assert.Equal([], people.Where(p => !twilio.Created.Any(c => c.To == p)));
        Assert.Equal([], twilio.Created.GroupBy(c => (c.To, c.Body)).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(twilio.Created.Count, await connection.ExecuteScalarCountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Sent'"));
    }

    private static async Task<HttpStatusCode> PostSignedAsync(HttpClient client, Uri address, Dictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "/twilio/sms")) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", TwilioHarness.Sign(AuthToken, TwilioHarness.PublicBaseUrl + "/twilio/sms", fields));
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static async Task<SqliteConnection> OpenAsync(ApiFleet fleet)
    {
        var connection = new SqliteConnection($"Data Source={fleet.DatabaseFile};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        return connection;
    }
}
