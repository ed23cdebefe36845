using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Benchmarks;

/// <summary>
/// Ingest while the retention sweep runs: a database holding closed cases whose 1,000,000 messages are past
/// their retention, Hotline.Api started on it (its sweep's first pass comes a minute later), and the ingest
/// benchmark's closed loop of signed SMS webhooks from the moment the sweep begins. Prints ingest's figures, how far
/// the sweep got in the measured window and how long it took, and holds ingest to its own targets.
/// </summary>
internal static class RetentionBenchmark
{
    public const string Name = "retention";
    public const string Usage = "retention [messages=1000000] [seconds=30] [senders=32] [warm-up-seconds=10]";

    private const int MessagesPerCase = 50;
    private const int CasesPerTransaction = 2_000;
    private const int SenderNumbers = 5_000;
    private const int TrafficSeed = 978;
    private const string SeededKeyId = "seeded";

    public static async Task<int> RunAsync(string[] args, BenchmarkTargets targets)
    {
        if (!BenchmarkArguments.TryParse(args, 0, 1_000_000, MessagesPerCase, 10_000_000, out var messages)
            || !BenchmarkArguments.TryParse(args, 1, 30, 5, 600, out var seconds)
            || !BenchmarkArguments.TryParse(args, 2, 32, 1, 256, out var senders)
            || !BenchmarkArguments.TryParse(args, 3, 10, 1, 120, out var warmUpSeconds))
        {
            return BenchmarkArguments.Refuse(Usage);
        }

        if (BenchmarkApi.FindBuild() is null)
        {
            return BenchmarkArguments.NoReleaseBuild();
        }

        Console.WriteLine($"Ingest during a retention sweep: {messages:N0} messages of closed cases past their retention, swept by Hotline.Api "
            + "(batches of its default size, each its own write) while signed SMS webhooks arrive, closed loop.");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, shared with the load generator; 1-minute load average before the run {LoadAverage()}.");
        var folder = Directory.CreateTempSubdirectory("hotline-bench-retention-").FullName;
        var databasePath = Path.Combine(folder, "hotline.db");
        var seeding = Stopwatch.StartNew();
        await SeedAsync(databasePath, messages);
        Console.WriteLine($"[seed] {messages:N0} expired messages in {messages / MessagesPerCase:N0} closed cases, {seeding.Elapsed.TotalSeconds:F1} s");

        var warmUp = TimeSpan.FromSeconds(warmUpSeconds);
        var duration = warmUp + TimeSpan.FromSeconds(seconds);
        await using var api = await BenchmarkApi.StartAsync(folder, new Dictionary<string, string>
        {
            ["Hotline__Retention__ClosedCaseContentDays"] = "1",
            ["Hotline__Retention__SweepIntervalMinutes"] = "1",
        });
        Console.WriteLine($"[retention] Hotline.Api healthy at {api.BaseAddress}; its first sweep comes one interval (a minute) after it started");
        var webhooks = new SignedSmsWebhooks(api.AuthToken, BenchmarkApi.PublicBaseUrl, SenderNumbers, TrafficSeed);
        var target = new Uri(api.BaseAddress, SignedSmsWebhooks.Path);
        var maxRequests = (warmUpSeconds + seconds) * 10_000;
        // The same load in the minute before the sweep: what this machine gives ingest right now, without it.
        var baseline = WebhookLoadSummary.ByAnswer(await WebhookLoad.RunAsync(target, webhooks, senders, duration, maxRequests), warmUp, duration);
        baseline.Print("[baseline, no sweep]");
        if (Unswept(databasePath) < messages)
        {
            Console.WriteLine("[baseline, no sweep] the sweep began before the baseline ended: shorten the window to compare the two");
        }

        var sweepStarted = await WaitForSweepToBeginAsync(databasePath, messages);
        Console.WriteLine($"[retention] the sweep began ({Unswept(databasePath):N0} contents left); the load starts now");
        var load = WebhookLoad.RunAsync(target, webhooks, senders, duration, maxRequests);
        await Task.Delay(warmUp);
        var atWindowStart = Unswept(databasePath);
        var summary = WebhookLoadSummary.ByAnswer(await load, warmUp, duration);
        var atWindowEnd = Unswept(databasePath);
        summary.Print("[retention]");
        Console.WriteLine($"[retention] message contents still to sweep: {atWindowStart:N0} when the window opened, {atWindowEnd:N0} when it closed "
            + $"({atWindowStart - atWindowEnd:N0} swept in the window, {(atWindowStart - atWindowEnd) / (duration - warmUp).TotalSeconds:N0}/s)");
        var sweep = await WaitForSweepAsync(databasePath, sweepStarted);
        Console.WriteLine($"[retention] the sweep {sweep}");
        await api.Process.KillAsync();
        var audit = InboundMessageAudit.Of(api.DatabasePath, summary.AcceptedSids);
        Console.WriteLine($"[retention] read back: {audit.Rows:N0} inbound rows; lost {audit.Lost:N0}, duplicated {audit.Duplicated:N0}");
        SqliteConnection.ClearAllPools();

        var p99 = summary.Acknowledgement?.P99 ?? double.PositiveInfinity;
        Console.WriteLine($"ratio during the sweep / without it: accepted/s {summary.AcceptedPerSecond / baseline.AcceptedPerSecond:F2}, "
            + $"p99 {p99 / (baseline.Acknowledgement?.P99 ?? double.PositiveInfinity):F2}");
        targets.Check(Name, "the sweep was still running through the measured window", atWindowEnd > 0, $"{atWindowEnd:N0} contents left at its end");
        targets.Check(Name, $"during the sweep: at least {IngestBenchmark.MinAcceptedPerSecond:N0} messages/s sustained",
            summary.AcceptedPerSecond >= IngestBenchmark.MinAcceptedPerSecond, $"{summary.AcceptedPerSecond:N0}/s");
        targets.Check(Name, $"during the sweep: p99 acknowledgement under {IngestBenchmark.MaxP99Milliseconds} ms", p99 < IngestBenchmark.MaxP99Milliseconds,
            $"{p99:F2} ms");
        targets.Check(Name, "during the sweep: 0 lost, 0 duplicated", audit.Lost == 0 && audit.Duplicated == 0, $"lost {audit.Lost:N0}, duplicated {audit.Duplicated:N0}");
        Console.WriteLine($"1-minute load average after the run: {LoadAverage()}");
        return BenchmarkTargets.Completed;
    }

    /// <summary>The schema through the product's own migrator, then closed cases, each with its conversation and its messages, 40 days old.</summary>
    private static async Task SeedAsync(string databasePath, int messages)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();
        var environment = new HostingEnvironment { ContentRootPath = Path.GetDirectoryName(databasePath)!, EnvironmentName = "Benchmark" };
        await using (var database = new Database(Options.Create(new DatabaseOptions { ConnectionString = connectionString }), environment))
        {
            await new DatabaseMigrator(database, NullLoggerFactory.Instance).MigrateAsync(CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        SeedCommands.Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
        using var conversation = SeedCommands.Prepare(connection, """
            INSERT INTO Conversations (Id, Channel, AddressHash, AddressCipher, Language, Status, CreatedAt, LastInboundAt)
            VALUES ($id, 'Sms', $id, 'hl1:seeded:address', 'ne', 'Active', $at, $at)
            """);
        using var kase = SeedCommands.Prepare(connection, """
            INSERT INTO Cases (Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, QueuedAt, OpenedAt, ClosedAt, Outcome)
            VALUES ($id, $conversationId, 'Closed', 2, 40, '[]', 'ne', $at, $at, $at, 'resolved')
            """);
        using var message = SeedCommands.Prepare(connection, """
            INSERT INTO Messages (Id, ConversationId, CaseId, Direction, Channel, BodyCipher, Segments, DeliveryStatus, CreatedAt, Sequence)
            VALUES ($id, $conversationId, $caseId, 'Inbound', 'Sms', $body, 1, 'received', $at, $sequence)
            """);
        var at = DapperTypeHandlers.ToSqliteText(DateTimeOffset.UtcNow.AddDays(-40));
        // About the size of an encrypted 100-character text, under a key id of its own so the count of what is left
        // to sweep never includes what the ingest stores meanwhile.
        var body = $"hl1:{SeededKeyId}:" + new string('x', 170);
        var cases = messages / MessagesPerCase;
        for (var written = 0; written < cases;)
        {
            using var transaction = connection.BeginTransaction();
            foreach (var command in new[] { conversation, kase, message })
            {
                command.Transaction = transaction;
            }

            for (var end = Math.Min(cases, written + CasesPerTransaction); written < end; written++)
            {
                var conversationId = Guid.NewGuid().ToString("D");
                var caseId = Guid.NewGuid().ToString("D");
                SeedCommands.Run(conversation, ("$id", conversationId), ("$at", at));
                SeedCommands.Run(kase, ("$id", caseId), ("$conversationId", conversationId), ("$at", at));
                for (var sequence = 1; sequence <= MessagesPerCase; sequence++)
                {
                    SeedCommands.Run(message, ("$id", Guid.NewGuid().ToString("D")), ("$conversationId", conversationId), ("$caseId", caseId), ("$body", body),
                        ("$at", at), ("$sequence", sequence));
                }
            }

            transaction.Commit();
        }

        SeedCommands.Execute(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static long Unswept(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM Messages WHERE BodyCipher LIKE 'hl1:{SeededKeyId}:%'";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Waits (at most three minutes) until the first seeded message content is gone; the clock of the sweep starts there.</summary>
    private static async Task<Stopwatch> WaitForSweepToBeginAsync(string databasePath, int messages)
    {
        var waited = Stopwatch.StartNew();
        while (Unswept(databasePath) >= messages && waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return Stopwatch.StartNew();
    }

    /// <summary>The sweep writes its audit row when its pass ends; waits for it (at most ten minutes) and says how long the pass took.</summary>
    private static async Task<string> WaitForSweepAsync(string databasePath, Stopwatch started)
    {
        while (started.Elapsed < TimeSpan.FromMinutes(10))
        {
            using (var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT Subject FROM AuditEntries WHERE Action = 'retention.swept' ORDER BY Sequence LIMIT 1";
                if (command.ExecuteScalar() is string subject)
                {
                    return $"finished about {started.Elapsed.TotalSeconds:F0} s after it began: {subject}";
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return $"had not finished {started.Elapsed.TotalMinutes:F0} minutes after it began ({Unswept(databasePath):N0} contents left)";
    }

    private static string LoadAverage() => IngestBenchmark.LoadAverage();
}
