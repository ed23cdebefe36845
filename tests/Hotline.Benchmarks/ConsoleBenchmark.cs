using System.Net.Http.Json;

namespace Hotline.Benchmarks;

/// <summary>
/// Console fan-out: many consoles connected to one Hotline.Api while first messages arrive at a fixed
/// rate. Each webhook is "talk to a person" from a new number registered with language ne, so it queues a
/// case at once, and every connected caseworker (all speak ne) hears of it as a CaseQueued change in a
/// CasesChanged push (one push per batch of the event log). The figure is, per webhook, the time from its
/// 200 to the moment the last console received its case's CaseQueued change; also the API's memory while it fans out.
/// </summary>
internal static class ConsoleBenchmark
{
    public const string Name = "console";
    public const string Usage = "console [clients=2000] [per-second=500] [seconds=20]";

    private const int DefaultClients = 2_000;
    private const int DefaultPerSecond = 500;
    private const int DefaultSeconds = 20;
    private const int Users = 20;
    private const string Language = "ne";
    // The warm-up runs at the load's own rate: the JIT keeps recompiling hot code into its faster tiers for
    // several seconds of full load, and a hotline's API runs for days, so the figure is the settled host's.
    private const int WarmUpSeconds = 10;
    private const int ConnectParallel = 32;
    private const int TrafficSeed = 2_026;

    // After the last webhook, pushes still on their way are awaited this long at most, and no longer
    // than this without any console receiving a CaseQueued change (webhooks not answered may still never make a case).
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan DrainIdleLimit = TimeSpan.FromSeconds(10);

    private const double MaxP99Milliseconds = 250;
    private const long MaxMemoryBytes = 1L << 30;

    public static async Task<int> RunAsync(string[] args, BenchmarkTargets targets)
    {
        if (!BenchmarkArguments.TryParse(args, 0, DefaultClients, 1, 20_000, out var clients)
            || !BenchmarkArguments.TryParse(args, 1, DefaultPerSecond, 1, 5_000, out var perSecond)
            || !BenchmarkArguments.TryParse(args, 2, DefaultSeconds, 1, 300, out var seconds))
        {
            return BenchmarkArguments.Refuse(Usage);
        }

        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("The console benchmark reads the API's configuration and memory from /proc: run it on Linux.");
            return BenchmarkTargets.CouldNotRun;
        }

        if (BenchmarkApi.FindBuild() is not { } dll)
        {
            return BenchmarkArguments.NoReleaseBuild();
        }

        var warmUpCount = perSecond * WarmUpSeconds;
        var measuredCount = perSecond * seconds;
        Console.WriteLine("Console fan-out: SignalR consoles on /hubs/cases of one Hotline.Api (Production, SQLite) on 127.0.0.1, while SMS webhooks arrive.");
        Console.WriteLine($"Consoles: {clients:N0} WebSocket connections (SignalR JSON protocol, cookie sessions of {Users} caseworkers, all with language {Language}).");
        Console.WriteLine($"Load: {measuredCount:N0} webhooks, {perSecond:N0}/s open loop for {seconds} s (at most {ConsoleBenchmarkWebhooks.MaxConnections} HTTP connections, "
            + $"a post unanswered after {ConsoleBenchmarkWebhooks.Timeout.TotalSeconds:F0} s is abandoned as Twilio abandons it), "
            + $"after an untimed warm-up of {warmUpCount:N0} at the same rate.");
        Console.WriteLine($"Each webhook is \"{ConsoleBenchmarkWebhooks.Text}\" from its own number, registered in the SIM registry with language {Language}: "
            + $"it queues one case (language {Language}), and the hub pushes it as a CaseQueued change in a CasesChanged push (one per batch of the event log, "
            + $"carrying every change of the batch) to the group language:{Language}, which holds every console.");
        Console.WriteLine("Latency of a webhook = when the LAST console received the CaseQueued change of its case - when the webhook's 200 arrived (one clock, this process). "
            + "Webhook -> case -> its events' sequence numbers are read from the API's database after the run (Messages.ChannelMessageId -> CaseId -> CaseEvents; "
            + "the CaseQueued change carries the case's latest sequence of its batch, which need not be the CaseQueued event's), "
            + "so nothing rests on arrival order. A case not received by every console within the drain counts as infinitely late.");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores shared by the API, the {clients:N0} consoles and the webhook sender; load average before the run {LoadAverage()}.");
        Console.WriteLine($"Product: {dll} (built {File.GetLastWriteTime(dll):yyyy-MM-dd HH:mm:ss}).");
        Console.WriteLine();

        var origin = Stopwatch.GetTimestamp();
        await using var api = await BenchmarkApi.StartAsync();
        var host = ConsoleBenchmarkOperator.Attach(dll);
        Console.WriteLine($"[setup] Hotline.Api healthy at {api.BaseAddress}, pid {host.ProcessId}, database {api.DatabasePath}");

        var numbers = Enumerable.Range(0, warmUpCount + measuredCount).Select(i => $"+97798{10_000_000 + i:D8}").ToList();
        var sims = Path.Combine(api.Folder, "sims.csv");
        await File.WriteAllTextAsync(sims, BuildSimsCsv(numbers));
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"[setup] sims import: {await host.ImportSimsAsync(sims)} ({clock.Elapsed.TotalSeconds:F1} s)");

        clock.Restart();
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var names = Enumerable.Range(1, Users).Select(i => $"bench-caseworker-{i:D2}").ToList();
        using (var adding = new SemaphoreSlim(4))
        {
            await Task.WhenAll(names.Select(async name =>
            {
                await adding.WaitAsync();
                try
                {
                    await host.AddUserAsync(name, "caseworker", Language, password);
                }
                finally
                {
                    adding.Release();
                }
            }));
        }

        Console.WriteLine($"[setup] users add: {Users} caseworkers --languages {Language} ({clock.Elapsed.TotalSeconds:F1} s)");
        var cookies = await Task.WhenAll(names.Select(name => SignInAsync(api.BaseAddress, name, password)));

        clock.Restart();
        await using var consoles = new ConsoleBenchmarkClients();
        await consoles.ConnectAsync(api.BaseAddress, cookies, clients, ConnectParallel);
        var connected = consoles.Connected;
        Console.WriteLine($"[setup] {connected:N0} of {clients:N0} consoles connected in {clock.Elapsed.TotalSeconds:F1} s"
            + (consoles.Failed > 0 ? $"; {consoles.Failed:N0} failed, e.g. {consoles.FirstFailure}" : ""));
        if (connected == 0)
        {
            return BenchmarkTargets.CouldNotRun;
        }

        var target = new Uri(api.BaseAddress, SignedSmsWebhooks.Path);
        await using var memory = new ConsoleBenchmarkMemory(host.ProcessId, origin);
        var idle = memory.Read();

        // Warm-up: JIT, connection pools, the first pages of the database; and proof that every console is in the group.
        clock.Restart();
        var warmUp = await ConsoleBenchmarkWebhooks.SendAsync(target, api.AuthToken, numbers[..warmUpCount], perSecond, origin, TrafficSeed);
        var warmUpDelivered = await DrainAsync(consoles, warmUpCount, connected, DrainLimit);
        Console.WriteLine($"[warm-up] {warmUp.Count(s => s.Status == 200):N0} of {warmUp.Length:N0} webhooks answered 200; "
            + $"{warmUpDelivered:N0} cases reached all {connected:N0} consoles ({clock.Elapsed.TotalSeconds:F1} s)");

        // The measured run.
        var loadAverageAtStart = LoadAverage();
        var before = (Api: api.ProcessorTime, Own: Process.GetCurrentProcess().TotalProcessorTime, Records: consoles.Records, Bytes: consoles.Bytes,
            Pushes: consoles.CasesChangedReceived, Queued: consoles.CaseQueuedReceived);
        var loadStartedAt = Stopwatch.GetElapsedTime(origin);
        var load = await ConsoleBenchmarkWebhooks.SendAsync(target, api.AuthToken, numbers[warmUpCount..], perSecond, origin, TrafficSeed + 1);
        var loadEndedAt = Stopwatch.GetElapsedTime(origin);
        var duringLoad = (Api: api.ProcessorTime - before.Api, Own: Process.GetCurrentProcess().TotalProcessorTime - before.Own);
        var loadAverageAtEnd = LoadAverage();
        var delivered = await DrainAsync(consoles, warmUpCount + measuredCount, connected, DrainLimit);
        var drainedAt = Stopwatch.GetElapsedTime(origin);
        var wholeRun = (Api: api.ProcessorTime - before.Api, Own: Process.GetCurrentProcess().TotalProcessorTime - before.Own);
        var end = memory.Read();
        var dropped = consoles.Dropped;
        var records = consoles.Records - before.Records;
        var bytes = consoles.Bytes - before.Bytes;
        var pushes = consoles.CasesChangedReceived - before.Pushes;
        var queuedChanges = consoles.CaseQueuedReceived - before.Queued;
        var samples = memory.Samples.Where(s => s.At >= loadStartedAt).ToList();
        var problems = api.Problems;

        var sequences = ReadCaseSequences(api.DatabasePath);
        var facts = ReadFacts(api.DatabasePath);
        SqliteConnection.ClearAllPools();

        Console.WriteLine();
        var accepted = load.Where(s => s.Status == 200).ToList();
        var ack = accepted.Count == 0 ? (LatencyStats?)null : LatencyStats.From(accepted.Select(s => (s.AnsweredAt - s.SentAt).TotalMilliseconds).ToList());
        Console.WriteLine($"[load] {load.Length:N0} webhooks in {(loadEndedAt - loadStartedAt).TotalSeconds:F1} s: {accepted.Count:N0} answered 200 "
            + $"({accepted.Count / (loadEndedAt - loadStartedAt).TotalSeconds:N0}/s), non-200: {NotOk(load)}; "
            + (ack is { } a ? $"acknowledgement p50 {a.P50:F1} ms, p99 {a.P99:F1} ms, max {a.Max:F1} ms" : "no acknowledgement"));
        Console.WriteLine($"[load] CPU while the webhooks were sent: Hotline.Api {duringLoad.Api.TotalSeconds:F1} s, consoles + sender {duringLoad.Own.TotalSeconds:F1} s, "
            + $"of {Environment.ProcessorCount * (loadEndedAt - loadStartedAt).TotalSeconds:F0} s on {Environment.ProcessorCount} cores; load average {loadAverageAtStart} at the start, {loadAverageAtEnd} at the end");
        Console.WriteLine($"[push] the consoles received {records:N0} hub records ({bytes / 1024.0 / 1024.0:N0} MB) from the start of the load to the end of the drain "
            + $"({(drainedAt - loadStartedAt).TotalSeconds:F1} s); {dropped:N0} consoles dropped{(dropped > 0 ? $", e.g. {consoles.FirstDrop}" : "")}; "
            + $"{consoles.UnparsedCasesChanged:N0} CasesChanged records unparsed");
        Console.WriteLine($"[push] {pushes:N0} CasesChanged pushes carried {queuedChanges:N0} CaseQueued changes "
            + $"({queuedChanges / (double)Math.Max(1, pushes):F1} per push, {bytes / (double)Math.Max(1, queuedChanges):N0} bytes received per change)");
        Console.WriteLine($"[push] {records / (drainedAt - loadStartedAt).TotalSeconds:N0} records/s to all consoles together; CPU from the start of the load to the end of the drain: "
            + $"Hotline.Api {wholeRun.Api.TotalSeconds:F1} s ({wholeRun.Api.TotalMicroseconds / Math.Max(1, records):F1} us per record received), "
            + $"consoles + sender {wholeRun.Own.TotalSeconds:F1} s ({wholeRun.Own.TotalMicroseconds / Math.Max(1, records):F1} us per record)");
        Console.WriteLine($"[push] case events written during the run: {string.Join(", ", facts.EventsByType.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {e.Value:N0}"))}");
        Console.WriteLine($"[push] cases by language: {string.Join(", ", facts.CasesByLanguage.Select(e => $"{e.Key} {e.Value:N0}"))}");

        var toLast = new List<double>();
        var toFirst = new List<double>();
        var spread = new List<double>();
        var bySecond = new SortedDictionary<int, List<double>>();
        var unmatched = 0;
        var undelivered = 0;
        foreach (var sample in accepted)
        {
            if (!sequences.TryGetValue(sample.MessageSid, out var caseSequences))
            {
                unmatched++;
                toLast.Add(double.PositiveInfinity);
                continue;
            }

            // Every console hears a case's CaseQueued change in the same push, so under one of its sequence numbers.
            var delivery = caseSequences.Select(consoles.Deliveries.GetValueOrDefault).FirstOrDefault(d => d is not null);
            var latency = double.PositiveInfinity;
            if (delivery is { Count: > 0 })
            {
                toFirst.Add((Stopwatch.GetElapsedTime(origin, delivery.First) - sample.AnsweredAt).TotalMilliseconds);
            }

            if (delivery is not null && delivery.Count >= connected)
            {
                latency = (Stopwatch.GetElapsedTime(origin, delivery.Last) - sample.AnsweredAt).TotalMilliseconds;
                spread.Add(Stopwatch.GetElapsedTime(delivery.First, delivery.Last).TotalMilliseconds);
            }
            else
            {
                undelivered++;
            }

            toLast.Add(latency);
            var second = (int)(sample.AnsweredAt - loadStartedAt).TotalSeconds;
            (bySecond.TryGetValue(second, out var list) ? list : bySecond[second] = []).Add(latency);
        }

        var stats = toLast.Count == 0 ? (LatencyStats?)null : LatencyStats.From(toLast);
        Console.WriteLine($"[push] {accepted.Count - unmatched - undelivered:N0} of {accepted.Count:N0} accepted webhooks' cases reached all {connected:N0} consoles; "
            + $"{undelivered:N0} did not within the drain ({(drainedAt - loadEndedAt).TotalSeconds:F1} s after the last webhook); {unmatched:N0} had no CaseQueued in the database");
        if (toFirst.Count > 0)
        {
            var first = LatencyStats.From(toFirst);
            Console.WriteLine($"[push] 200 -> FIRST console: p50 {Ms(first.P50)}, p99 {Ms(first.P99)}, max {Ms(first.Max)}");
        }

        if (spread.Count > 0)
        {
            var s = LatencyStats.From(spread);
            Console.WriteLine($"[push] first -> last console of one case (fan-out spread): p50 {Ms(s.P50)}, p99 {Ms(s.P99)}, max {Ms(s.Max)}");
        }

        if (stats is { } st)
        {
            Console.WriteLine($"[push] 200 -> LAST console (every console has it): p50 {Ms(st.P50)}, p99 {Ms(st.P99)}, max {Ms(st.Max)}");
        }

        Console.WriteLine("[push] by second of the load (the second the 200 arrived): p50 / p99 of 200 -> last console");
        foreach (var chunk in bySecond.Chunk(5))
        {
            Console.WriteLine("[push]   " + string.Join("   ", chunk.Select(s =>
            {
                var secondStats = LatencyStats.From(s.Value);
                return $"{s.Key,3}s {Ms(secondStats.P50),9} / {Ms(secondStats.P99),9}";
            })));
        }

        var peak = samples.Count == 0 ? null : (MemorySample?)samples.MaxBy(s => s.WorkingSet);
        var peakPrivate = samples.Count == 0 ? 0 : samples.Max(s => s.PrivateBytes);
        var peakAnonymous = samples.Count == 0 ? 0 : samples.Max(s => s.ResidentAnonymous);
        Console.WriteLine($"[memory] Hotline.Api, {samples.Count} samples every 250 ms from the start of the load to the end of the drain:");
        Console.WriteLine($"[memory]   with {connected:N0} consoles, before the load: {Memory(idle)}");
        Console.WriteLine($"[memory]   peak: working set {Mb(peak?.WorkingSet ?? 0)} (at {((peak?.At ?? loadStartedAt) - loadStartedAt).TotalSeconds:F1} s), "
            + $"private bytes {Mb(peakPrivate)}, resident anonymous {Mb(peakAnonymous)}");
        Console.WriteLine($"[memory]   end:  {Memory(end)}");
        Console.WriteLine($"[api] log: {(problems.Count == 0 ? "no warnings or errors" : $"{problems.Values.Sum(p => p.Count):N0} warnings or errors")}");
        foreach (var (category, (count, example)) in problems.OrderByDescending(p => p.Value.Count))
        {
            Console.WriteLine($"[api]   {count:N0} x {category} e.g. \"{(example.Length > 160 ? example[..160] + "..." : example)}\"");
        }

        Console.WriteLine();
        var p99 = stats?.P99 ?? double.PositiveInfinity;
        var peakMemory = Math.Max(peak?.WorkingSet ?? 0, peakPrivate);
        targets.Check(Name, $"every one of {clients:N0} consoles connected", connected == clients, $"{connected:N0}");
        targets.Check(Name, $"every one of {load.Length:N0} webhooks at {perSecond:N0}/s answered 200", accepted.Count == load.Length,
            $"{accepted.Count:N0}; non-200: {NotOk(load)}");
        targets.Check(Name, "every accepted webhook's case reached every console", unmatched + undelivered == 0,
            $"{undelivered:N0} not delivered, {unmatched:N0} without a CaseQueued");
        targets.Check(Name, $"p99 from 200 to every console under {MaxP99Milliseconds} ms", p99 < MaxP99Milliseconds,
            stats is { } x ? $"p50 {Ms(x.P50)}, p99 {Ms(x.P99)}" : "no data");
        targets.Check(Name, $"API memory under {MaxMemoryBytes / 1024 / 1024:N0} MB (peak of working set and private bytes)", peakMemory < MaxMemoryBytes,
            $"peak {Mb(peakMemory)}, end {Mb(Math.Max(end?.WorkingSet ?? 0, end?.PrivateBytes ?? 0))}");
        Console.WriteLine($"1-minute load average after the run: {LoadAverage()}");
        return BenchmarkTargets.Completed;
    }

    /// <summary>Waits until <paramref name="cases"/> cases' CaseQueued changes have reached every console, or the drain gives up; returns how many had.</summary>
    private static async Task<int> DrainAsync(ConsoleBenchmarkClients consoles, int cases, int connected, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        var lastReceived = consoles.CaseQueuedReceived;
        var quietSince = Stopwatch.StartNew();
        while (true)
        {
            var complete = consoles.Deliveries.Values.Count(d => d.Count >= connected);
            if (complete >= cases || waited.Elapsed >= limit || quietSince.Elapsed >= DrainIdleLimit)
            {
                return complete;
            }

            await Task.Delay(250);
            if (consoles.CaseQueuedReceived != lastReceived)
            {
                lastReceived = consoles.CaseQueuedReceived;
                quietSince.Restart();
            }
        }
    }

    private static async Task<string> SignInAsync(Uri baseAddress, string userName, string password)
    {
        var cookies = new ProxiedBrowserCookies(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false });
        using var client = new HttpClient(cookies)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var antiforgery = await client.GetFromJsonAsync<JsonElement>("/api/antiforgery");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["__RequestVerificationToken"] = antiforgery.GetProperty("token").GetString() ?? "",
        });
        using var response = await client.PostAsync("/console/signin", form);
        var header = cookies.CookieHeader;
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/console/" || !header.Contains("hotline.session="))
        {
            throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode} to {response.Headers.Location}.");
        }

        return header;
    }

    private static string BuildSimsCsv(IEnumerable<string> numbers)
    {
        var csv = new StringBuilder("phone_number,language,issued_on,programme\n");
        foreach (var number in numbers)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{number},{Language},2026-03-01,Console benchmark\n");
        }

        return csv.ToString();
    }

    /// <summary>MessageSid of each inbound message -> the sequence numbers of its case's events, for a case that was queued.</summary>
    private static Dictionary<string, List<long>> ReadCaseSequences(string databasePath)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.ChannelMessageId, e.Sequence
            FROM Messages m JOIN CaseEvents e ON e.CaseId = m.CaseId
            WHERE m.Direction = 'Inbound' AND m.ChannelMessageId IS NOT NULL
              AND EXISTS (SELECT 1 FROM CaseEvents q WHERE q.CaseId = m.CaseId AND q.Type = 'CaseQueued')
            """;
        using var reader = command.ExecuteReader();
        var sequences = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var messageSid = reader.GetString(0);
            (sequences.TryGetValue(messageSid, out var list) ? list : sequences[messageSid] = []).Add(reader.GetInt64(1));
        }

        return sequences;
    }

    private static (Dictionary<string, long> EventsByType, Dictionary<string, long> CasesByLanguage) ReadFacts(string databasePath)
    {
        using var connection = Open(databasePath);
        return (Count(connection, "SELECT Type, COUNT(*) FROM CaseEvents GROUP BY Type"), Count(connection, "SELECT Language, COUNT(*) FROM Cases GROUP BY Language"));
    }

    private static Dictionary<string, long> Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        return connection;
    }

    private static string NotOk(IEnumerable<LoadSample> samples)
    {
        var notOk = samples.Where(s => s.Status != 200).GroupBy(s => s.Status).OrderBy(g => g.Key).ToList();
        return notOk.Count == 0 ? "none" : string.Join(", ", notOk.Select(g => $"{(g.Key == 0 ? $"no answer in {ConsoleBenchmarkWebhooks.Timeout.TotalSeconds:F0} s" : g.Key.ToString(CultureInfo.InvariantCulture))}: {g.Count():N0}"));
    }

    private static string Ms(double milliseconds) => double.IsPositiveInfinity(milliseconds) ? "never" : $"{milliseconds:F0} ms";

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MB";

    private static string Memory(MemorySample? sample) => sample is { } s
        ? $"working set {Mb(s.WorkingSet)}, private bytes {Mb(s.PrivateBytes)}, resident anonymous {Mb(s.ResidentAnonymous)}"
        : "the process had exited";

    /// <summary>Others may be building on the same cores; the figures are only comparable between quiet machines.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
