using System.Diagnostics.Metrics;
using Hotline.Api.CaseStore;
using Hotline.Api.Metrics;
using Hotline.Api.Storage.Sqlite;
using Hotline.Api.Users;
using Hotline.Bot.Triage;

namespace Hotline.Benchmarks;

/// <summary>
/// Claim-next latency of the case queue as the queue grows. The claim reads only the head of each spoken
/// language's queue, so its cost should not depend on how many cases wait.
/// </summary>
internal static class QueueBenchmark
{
    public const string Name = "queue";
    public const string Usage = "queue [largest=1000000] [claims=2000]";

    private const int DefaultLargest = 1_000_000;
    private const int DefaultClaims = 2_000;
    private const int WarmUpClaims = 200;
    private const int ProcessWarmUpClaims = 2_000;
    private const double MaxGrowth = 2.0;
    private const double MaxP50Milliseconds = 2.0;

    private static readonly int[] QueueLengths = [1_000, 100_000, 1_000_000];
    private static readonly string[] CaseworkerLanguages = ["en", "ar", "hi"];
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    public static async Task<int> RunAsync(string[] args, BenchmarkTargets targets)
    {
        if (!BenchmarkArguments.TryParse(args, 0, DefaultLargest, 10_000, 10_000_000, out var largest)
            || !BenchmarkArguments.TryParse(args, 1, DefaultClaims, 100, 100_000, out var claims))
        {
            return BenchmarkArguments.Refuse(Usage);
        }

        var lengths = QueueLengths.Where(length => length < largest).Append(largest).ToList();
        Console.WriteLine("Case queue: claim-next latency on SQLite (a file in a temp folder, deleted afterwards).");
        Console.WriteLine("Production settings: WAL; readers' connections use synchronous=FULL; the single writer's connection commits with "
            + "synchronous=NORMAL and then fsyncs the write-ahead log itself (Storage/Sqlite/WriteAheadLogSync.cs) before the claim returns, "
            + "so every timed claim includes one fsync of the log.");
        Console.WriteLine("Not as in the API: its checkpointer (Storage/Sqlite/WriteAheadLogCheckpointJob.cs) is a hosted service and does not run here; "
            + $"only the writer's backstop checkpoint does, at {SqliteConnections.WriterBackstopCheckpointFrames:N0} pages of log.");
        Console.WriteLine($"Queue lengths: {string.Join(", ", lengths.Select(l => l.ToString("N0", CultureInfo.InvariantCulture)))}. "
            + $"Per length: {WarmUpClaims} warm-up claims, then {claims:N0} timed; a caseworker speaking {string.Join(", ", CaseworkerLanguages)}.");
        Console.WriteLine("Each claim is released again (untimed) so the queue keeps its length and the 1,000 queue never runs dry.");
        Console.WriteLine();

        await WarmUpProcessAsync();
        var results = new List<(int Queued, LatencyStats Stats)>();
        foreach (var queued in lengths)
        {
            results.Add((queued, await MeasureAsync(queued, claims)));
            Console.WriteLine();
        }

        Report(results, targets);
        return BenchmarkTargets.Completed;
    }

    private static CaseQueue NewQueue(Database database) =>
        new(database, new CaseEventLog(TimeProvider.System, new CaseEventSignal()), TimeProvider.System, new HotlineMetrics(
            new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>(), new OperationalSnapshot(), database));

    /// <summary>
    /// Whichever queue ran first used to come out slower (p50 about 1.5x the same 1,000 queue measured again
    /// in the same process): JIT tiering and connection pools were still settling. One untimed round first.
    /// </summary>
    private static async Task WarmUpProcessAsync()
    {
        var started = Stopwatch.StartNew();
        await using var temp = await TempSqliteDatabase.CreateAsync();
        QueueSeeder.Seed(temp.Database.ConnectionString, 1_000, await GuidSpelling.OfAppAsync(temp.Database), _ => { });
        var userId = await AddCaseworkerAsync(temp.Database);
        var queue = NewQueue(temp.Database);
        for (var i = 0; i < ProcessWarmUpClaims; i++)
        {
            await ClaimAndReleaseAsync(queue, userId);
        }

        Console.WriteLine($"[process warm-up] {ProcessWarmUpClaims:N0} untimed claims on a 1,000-case queue in {started.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine();
    }

    private static async Task<LatencyStats> MeasureAsync(int queued, int claims)
    {
        var label = $"[{queued:N0}]";
        await using var temp = await TempSqliteDatabase.CreateAsync();
        var guids = await GuidSpelling.OfAppAsync(temp.Database);
        Console.WriteLine($"{label} seeding {queued:N0} queued cases in {temp.Folder} ({guids} Guid keys, as the app stores them)");
        var seeding = Stopwatch.StartNew();
        QueueSeeder.Seed(temp.Database.ConnectionString, queued, guids, written =>
        {
            if (written % 250_000 == 0 || written == queued)
            {
                Console.WriteLine($"{label}   {written:N0} rows, {seeding.Elapsed.TotalSeconds:F1} s");
            }
        });
        Console.WriteLine($"{label} seeded (with ANALYZE and checkpoint) in {seeding.Elapsed.TotalSeconds:F1} s");
        var sync = DiskSync.Measure(temp.Folder);
        Console.WriteLine($"{label} fsync of a 4 KB write on this disk: p50 {sync.P50:F3} ms, p99 {sync.P99:F3} ms");

        var userId = await AddCaseworkerAsync(temp.Database);
        PrintClaimPlan(temp.Database, guids.Spell(userId), label);

        var queue = NewQueue(temp.Database);
        for (var i = 0; i < WarmUpClaims; i++)
        {
            await ClaimAndReleaseAsync(queue, userId);
        }

        Console.WriteLine($"{label} warmed up with {WarmUpClaims} claims; timing {claims:N0}");
        var samples = new double[claims];
        for (var i = 0; i < claims; i++)
        {
            samples[i] = await ClaimAndReleaseAsync(queue, userId);
        }

        var stats = LatencyStats.From(samples);
        Console.WriteLine($"{label} claim: p50 {stats.P50:F3} ms, p99 {stats.P99:F3} ms, mean {stats.Mean:F3} ms, max {stats.Max:F3} ms");
        return stats;
    }

    /// <summary>Times one claim; the release that follows only keeps the queue's length and is not timed.</summary>
    private static async Task<double> ClaimAndReleaseAsync(CaseQueue queue, Guid userId)
    {
        var started = Stopwatch.GetTimestamp();
        var lease = await queue.ClaimNextAsync(userId, Lease, CancellationToken.None)
            ?? throw new InvalidOperationException("The queue ran dry: nothing left to claim.");
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (!await queue.ReleaseAsync(lease.Case.Id, lease.LeaseToken, userId, CancellationToken.None))
        {
            throw new InvalidOperationException($"Lost the lease on case {lease.Case.Id} before releasing it.");
        }

        return elapsed.TotalMilliseconds;
    }

    private static async Task<Guid> AddCaseworkerAsync(Database database)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = "bench-caseworker",
            DisplayName = "Benchmark caseworker",
            Role = UserRole.Caseworker,
            PasswordHash = "not-a-password-hash",
            CreatedAt = DateTimeOffset.UtcNow,
            Languages = CaseworkerLanguages,
        };
        await using var session = await database.BeginWriteAsync(CancellationToken.None);
        await new UserRepository().AddAsync(session, user, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
        return user.Id;
    }

    private static void PrintClaimPlan(Database database, string userId, string label)
    {
        var parameters = new Dictionary<string, object>
        {
            ["@UserId"] = userId,
            ["@LeaseToken"] = Guid.NewGuid().ToString("D"),
            ["@LeaseExpiresAt"] = DapperTypeHandlers.ToSqliteText(DateTimeOffset.UtcNow + Lease),
            ["@Critical"] = (int)PriorityBand.Critical,
        };
        var sql = SqlStatements.For(DatabaseProvider.Sqlite)["Cases_ClaimNext"];
        Console.WriteLine($"{label} EXPLAIN QUERY PLAN of Cases_ClaimNext:");
        foreach (var line in SqliteQueryPlan.Explain(database.ConnectionString, sql, parameters))
        {
            Console.WriteLine($"{label} {line}");
        }
    }

    private static void Report(List<(int Queued, LatencyStats Stats)> results, BenchmarkTargets targets)
    {
        Console.WriteLine("queued cases |   p50 ms |   p99 ms |  mean ms");
        foreach (var (queued, stats) in results)
        {
            Console.WriteLine($"{queued,12:N0} | {stats.P50,8:F3} | {stats.P99,8:F3} | {stats.Mean,8:F3}");
        }

        var smallest = results[0];
        var largest = results[^1];
        var ratio = largest.Stats.P50 / smallest.Stats.P50;
        Console.WriteLine();
        Console.WriteLine($"ratio p50({largest.Queued:N0}) / p50({smallest.Queued:N0}) = {ratio:F2}");
        targets.Check(Name, $"claim p50 at {largest.Queued:N0} queued within {MaxGrowth}x of p50 at {smallest.Queued:N0}", ratio <= MaxGrowth,
            $"ratio {ratio:F2}");
        targets.Check(Name, $"claim p50 at {largest.Queued:N0} queued under {MaxP50Milliseconds} ms", largest.Stats.P50 < MaxP50Milliseconds,
            $"{largest.Stats.P50:F3} ms, p99 {largest.Stats.P99:F3} ms");
    }
}
