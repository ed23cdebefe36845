namespace Hotline.Benchmarks;

/// <summary>
/// Inbound SMS throughput: signed Twilio webhooks posted to the real Hotline.Api on 127.0.0.1 for a
/// fixed time, then the database read back for lost and duplicated messages. Two loads: a closed loop
/// (a fixed number of senders, each waiting for its answer), which finds the most the API sustains, and an
/// open loop (a constant arrival rate, latency from each post's intended start), which shows the queueing
/// a closed loop hides. The same closed load against a bare endpoint that only inserts a row (the floor)
/// gives the ratio that says how much the hotline's own work costs on this machine, whatever its disk.
/// With <c>--photos</c>, the open loop runs twice more against a Twilio stand-in, without and with 10% of the
/// messages carrying a photo (<see cref="IngestWithPhotos"/>): the webhook's p99 must not move. With <c>--people</c>, the
/// hotline's loads are people who answer the intake (<see cref="AnsweringPeople"/>) rather than first messages sent again
/// and again, which soon wait in a case asked whether it is safe to write: the same targets, another mix of paths.
/// </summary>
internal static class IngestBenchmark
{
    public const string Name = "ingest";
    public const string Usage = "ingest [seconds=30] [senders=32] [per-second=2000] [warm-up-seconds=15] [--sign-in-flood] [--photos] [--people]";

    private const int DefaultSeconds = 30;
    private const int DefaultSenders = 32;
    private const int DefaultPerSecond = 2_000;
    private const int DefaultWarmUpSeconds = 15;
    private const int SenderNumbers = 5_000;
    private const int MaxRequestsPerSecond = 10_000;
    private const int TrafficSeed = 977;

    public const double MinAcceptedPerSecond = 2_000;
    public const double MaxP99Milliseconds = 50;
    private const double MinFloorRatio = 0.5;

    /// <summary>At 2,000 messages/s this is 35% of two cores: headroom for bursts, so that they do not queue behind the CPU.</summary>
    public const double MaxApiCpuMillisecondsPerMessage = 0.35;

    public static async Task<int> RunAsync(string[] args, BenchmarkTargets targets)
    {
        var signInFlood = args.Contains(SignInFlood.Flag);
        var photos = args.Contains(PhotoMessages.Flag);
        var answeringPeople = args.Contains(AnsweringPeople.Flag);
        args = args.Where(arg => arg != SignInFlood.Flag && arg != PhotoMessages.Flag && arg != AnsweringPeople.Flag).ToArray();
        if (!BenchmarkArguments.TryParse(args, 0, DefaultSeconds, 5, 600, out var seconds)
            || !BenchmarkArguments.TryParse(args, 1, DefaultSenders, 1, 256, out var senders)
            || !BenchmarkArguments.TryParse(args, 2, DefaultPerSecond, 1, MaxRequestsPerSecond, out var perSecond)
            || !BenchmarkArguments.TryParse(args, 3, DefaultWarmUpSeconds, 1, 120, out var warmUpSeconds))
        {
            return BenchmarkArguments.Refuse(Usage);
        }

        if (BenchmarkApi.FindBuild() is not { } dll)
        {
            return BenchmarkArguments.NoReleaseBuild();
        }

        // Untimed load first: for 10 to 20 s after start, the API's tier-1 JIT took about half of its CPU.
        var warmUp = TimeSpan.FromSeconds(warmUpSeconds);
        var duration = warmUp + TimeSpan.FromSeconds(seconds);
        var maxRequests = (warmUpSeconds + seconds) * MaxRequestsPerSecond;
        var dispatcher = Environment.GetEnvironmentVariable("Hotline__Outbox__RunDispatcher") ?? "true (default)";

        Console.WriteLine("Inbound SMS: signed Twilio webhooks posted to Hotline.Api on 127.0.0.1, then its SQLite file read back.");
        Console.WriteLine($"Closed loop: {senders} concurrent senders, each waiting for its answer ({WebhookLoad.MaxConnections} connections at most), "
            + $"at most {maxRequests:N0} posts per phase; latency from when a post left.");
        Console.WriteLine($"Open loop: {perSecond:N0} posts/s whatever the answers' pace ({OpenLoopWebhookLoad.MaxConnections} connections at most, "
            + $"a post unanswered after {OpenLoopWebhookLoad.RequestTimeout.TotalSeconds:F0} s abandoned as Twilio abandons it), on a fresh API; "
            + "latency from each post's intended start, so time spent queueing anywhere counts; "
            + $"during its warm-up the rate climbs from {OpenLoopWebhookLoad.RampStartShare:P0} of it to all of it, then holds.");
        Console.WriteLine($"Both: {WebhookLoad.RepeatShare:P0} repeat an earlier MessageSid; "
            + (answeringPeople
                ? $"people answering the intake, {AnsweringPeople.AtOnce:N0} writing at once, each with a +97798 number of their own (the floor: {SenderNumbers:N0} numbers); "
                : $"{SenderNumbers:N0} distinct +97798 numbers writing first messages, none answering the intake; ")
            + $"each phase has {warmUpSeconds} s of untimed warm-up load, then the measured {seconds} s (the steady window); "
            + $"/metrics is scraped from the API's start every {PrometheusScrapes.Interval.TotalSeconds:F0} s, as infra's Prometheus does.");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, shared with the load generator; 1-minute load average before the run {LoadAverage()}.");
        Console.WriteLine($"Product: {dll} (built {File.GetLastWriteTime(dll):yyyy-MM-dd HH:mm:ss}); outbox dispatcher: {dispatcher}; "
            + "replies: refused at once by the disabled Twilio sender (Twilio:Enabled=false) and recorded Failed, no delivery callbacks"
            + (photos ? " (the phases against the Twilio stand-in send them to it)" : "") + "; "
            + $"runtime: {BenchmarkApi.RuntimeSettings(dll)}.");
        if (signInFlood)
        {
            Console.WriteLine($"Beside each hotline load: {SignInFlood.PerSecond} sign-in attempts/s with wrong passwords for unknown names, "
                + "the per-address and per-name limits lifted (guesses from many addresses), the budget of password checks the product's default "
                + $"({string.Join(", ", SignInFlood.Settings.Select(setting => $"{setting.Key} {setting.Value}"))}); and one caseworker signing in every few seconds with the right password.");
        }

        if (photos)
        {
            IngestWithPhotos.Describe(perSecond);
        }

        Console.WriteLine();

        var floor = await MeasureFloorAsync(senders, duration, warmUp, maxRequests);
        Console.WriteLine();
        var closed = await MeasureProductAsync("[hotline closed]", signInFlood, warmUp, duration, async (target, traffic) =>
            WebhookLoadSummary.ByAnswer(await WebhookLoad.RunAsync(target, traffic, senders, duration, maxRequests), warmUp, duration),
            answeringPeople: answeringPeople);
        Console.WriteLine();
        var open = await MeasureProductAsync("[hotline open]", signInFlood, warmUp, duration, OpenLoop("[hotline open]", perSecond, warmUp, duration),
            answeringPeople: answeringPeople);
        var floorCpu = floor.Cpu with { ApiMilliseconds = Math.Max(0, floor.Cpu.ApiMilliseconds - closed.Cpu.GeneratorMilliseconds) };
        Console.WriteLine();
        var withPhotos = photos ? await IngestWithPhotos.MeasureAsync(signInFlood, perSecond, warmUp, duration) : null;
        Report(senders, perSecond, floor.Load, closed, open, withPhotos, targets);
        ReportCpu(floorCpu, closed.Cpu, open.Cpu, targets);
        Console.WriteLine($"1-minute load average after the run: {LoadAverage()}");
        return BenchmarkTargets.Completed;
    }

    /// <summary>The floor's load and its process's CPU per message; the floor's endpoint shares that process with the load generator.</summary>
    private static async Task<(WebhookLoadSummary Load, MessageCpu Cpu)> MeasureFloorAsync(int senders, TimeSpan duration, TimeSpan warmUp, int maxRequests)
    {
        const string label = "[floor]";
        var folder = Directory.CreateTempSubdirectory("hotline-bench-floor-").FullName;
        try
        {
            var sync = DiskSync.Measure(folder);
            Console.WriteLine($"{label} fsync of a 4 KB write on this disk: p50 {sync.P50:F3} ms, p99 {sync.P99:F3} ms "
                + $"(one commit's worth: at most about {1000 / sync.P50:N0} serial commits/s)");
            WebhookLoadSummary summary;
            MessageCpu cpuPerMessage;
            await using (var server = await FloorServer.StartAsync(folder))
            {
                Console.WriteLine($"{label} bare endpoint (form read + one INSERT) in this process at {server.Target}, closed loop");
                var webhooks = new SignedSmsWebhooks("floor-does-not-check", BenchmarkApi.PublicBaseUrl, SenderNumbers, TrafficSeed);
                var load = WebhookLoad.RunAsync(server.Target, webhooks, senders, duration, maxRequests);
                var cpu = await CpuOverWindowAsync(warmUp, duration, OwnProcessorTime);
                summary = WebhookLoadSummary.ByAnswer(await load, warmUp, duration);
                summary.Print(label);
                Console.WriteLine($"{label} CPU in the steady window, endpoint and load generator together: {PerAccepted(cpu[0], summary, duration - warmUp)}");
                cpuPerMessage = new MessageCpu(MillisecondsPerAccepted(cpu[0], summary, duration - warmUp), 0);
                Console.WriteLine($"{label} rows stored: {server.CountRows():N0} (one per post answered 200, repeats included: the floor does not deduplicate)");
            }

            return (summary, cpuPerMessage);
        }
        finally
        {
            // Pooled connections keep the file (and its WAL) open; close them before removing the folder.
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The open loop at <paramref name="perSecond"/>, summarised from each post's intended start.</summary>
    public static Func<Uri, IInboundTraffic, Task<WebhookLoadSummary>> OpenLoop(string label, int perSecond, TimeSpan warmUp, TimeSpan duration) =>
        async (target, traffic) =>
        {
            var run = await OpenLoopWebhookLoad.RunAsync(target, traffic, perSecond, warmUp, duration, TrafficSeed);
            Console.WriteLine($"{label} the generator's own lateness in starting a post: p50 {run.GeneratorLag.P50:F2} ms, "
                + $"p99 {run.GeneratorLag.P99:F2} ms, max {run.GeneratorLag.Max:F2} ms (counted in the latency)");
            if (WebhookLoadSummary.ByIntendedStart(run.Samples, TimeSpan.Zero, warmUp).Acknowledgement is { } start)
            {
                Console.WriteLine($"{label} warm-up, the rate climbing from {OpenLoopWebhookLoad.RampStartShare:P0} of it to all of it (not judged): "
                    + $"p50 {start.P50:F2} ms, p99 {start.P99:F2} ms, max {start.Max:F2} ms");
            }
            return WebhookLoadSummary.ByIntendedStart(run.Samples, warmUp, duration);
        };

    /// <summary>
    /// One load against a fresh Hotline.Api, then its database read back. With <paramref name="twilio"/>, the API's
    /// Twilio account is that stand-in and the load carries its photos; without, Twilio is disabled and every reply fails at once.
    /// With <paramref name="answeringPeople"/>, the load is people answering the intake (<see cref="AnsweringPeople"/>).
    /// </summary>
    public static async Task<(WebhookLoadSummary Load, InboundMessageAudit Audit, MessageCpu Cpu)> MeasureProductAsync(string label, bool signInFlood,
        TimeSpan warmUp, TimeSpan duration, Func<Uri, IInboundTraffic, Task<WebhookLoadSummary>> runLoad, PhotoMessages? twilio = null,
        bool answeringPeople = false)
    {
        var settings = new Dictionary<string, string>(twilio?.Settings ?? new Dictionary<string, string>());
        foreach (var (key, value) in signInFlood ? SignInFlood.Settings : new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        await using var api = await BenchmarkApi.StartAsync(settings: settings);
        Console.WriteLine($"{label} Hotline.Api healthy at {api.BaseAddress} (database {api.DatabasePath})");
        var webhooks = new SignedSmsWebhooks(api.AuthToken, BenchmarkApi.PublicBaseUrl, SenderNumbers, TrafficSeed, twilio);
        IInboundTraffic traffic = answeringPeople ? new AnsweringPeople(webhooks, TrafficSeed) : webhooks;
        await using var flood = signInFlood ? await SignInFlood.StartAsync(api, BenchmarkApi.FindBuild()!) : null;
        await using var scrapes = PrometheusScrapes.Start(api.BaseAddress);
        var load = runLoad(new Uri(api.BaseAddress, SignedSmsWebhooks.Path), traffic);
        var (cpu, runtime) = await CpuAndRuntimeOverWindowAsync(api.BaseAddress, warmUp, duration, () => api.ProcessorTime, OwnProcessorTime);
        var summary = await load;
        await scrapes.StopAsync();
        if (flood is not null)
        {
            await flood.StopAsync();
            flood.Print(label);
        }

        await api.Process.KillAsync();
        summary.Print(label);
        Console.WriteLine($"{label} traffic: {traffic.Describe()}");
        Console.WriteLine($"{label} CPU in the steady window: Hotline.Api {PerAccepted(cpu[0], summary, duration - warmUp)}; "
            + $"load generator {PerAccepted(cpu[1], summary, duration - warmUp)}");
        Console.WriteLine($"{label} Hotline.Api's garbage collector and writer in the steady window: {runtime}");
        Console.WriteLine($"{label} monitoring: {scrapes.Describe()}");

        var problems = api.Problems;
        Console.WriteLine($"{label} API log: {(problems.Count == 0 ? "no warnings or errors" : $"{problems.Values.Sum(p => p.Count):N0} warnings or errors")}");
        foreach (var (category, (count, example)) in problems.OrderByDescending(p => p.Value.Count))
        {
            Console.WriteLine($"{label}   {count:N0} x {category} e.g. \"{Truncate(example, 160)}\"");
        }

        var audit = InboundMessageAudit.Of(api.DatabasePath, summary.AcceptedSids);
        Console.WriteLine($"{label} read back: {audit.Rows:N0} inbound rows; lost {audit.Lost:N0}, duplicated {audit.Duplicated:N0}");
        summary.PrintByPath(label, audit.StoredInACase);
        Console.WriteLine($"{label} outbox when the API was stopped: "
            + string.Join(", ", audit.OutboxByStatus.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value:N0}")));
        if (audit.MediaByStatus.Count > 0)
        {
            Console.WriteLine($"{label} media items when the API was stopped: "
                + string.Join(", ", audit.MediaByStatus.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value:N0}")));
            foreach (var (reason, count) in audit.MediaNotKeptReasons.OrderByDescending(r => r.Value))
            {
                Console.WriteLine($"{label}   not kept: {count:N0} x \"{reason}\"");
            }
        }

        SqliteConnection.ClearAllPools();
        var window = duration - warmUp;
        return (summary, audit, new MessageCpu(MillisecondsPerAccepted(cpu[0], summary, window), MillisecondsPerAccepted(cpu[1], summary, window)));
    }

    private static void Report(int senders, int perSecond, WebhookLoadSummary floor, (WebhookLoadSummary Load, InboundMessageAudit Audit, MessageCpu Cpu) closed,
        (WebhookLoadSummary Load, InboundMessageAudit Audit, MessageCpu Cpu) open, IngestWithPhotos? withPhotos, BenchmarkTargets targets)
    {
        var ratio = closed.Load.AcceptedPerSecond / floor.AcceptedPerSecond;
        Console.WriteLine("load                                   |  accepted/s |   p50 ms |   p99 ms | non-200 in window");
        var rows = new List<(string, WebhookLoadSummary)> { ($"floor, closed, {senders} senders", floor), ($"hotline, closed, {senders} senders", closed.Load),
            ($"hotline, open, {perSecond:N0}/s", open.Load) };
        rows.AddRange(withPhotos?.Rows(perSecond) ?? []);
        foreach (var (name, run) in rows)
        {
            Console.WriteLine($"{name,-38} | {run.AcceptedPerSecond,11:N0} | {run.Acknowledgement?.P50,8:F2} | {run.Acknowledgement?.P99,8:F2} | "
                + $"{run.WindowNotOk:N0} of {run.WindowRequests:N0}");
        }

        Console.WriteLine();
        Console.WriteLine($"ratio hotline closed / floor (accepted/s) = {ratio:F2}");
        CheckClosed(closed.Load, closed.Audit, ratio, targets);
        CheckOpen("open loop", perSecond, open.Load, open.Audit, targets);
        withPhotos?.Check(perSecond, targets);
    }

    /// <summary>
    /// CPU per message, which a shared machine's load moves far less than latency: the floor's endpoint (its process less
    /// the load generator's share, as measured beside the closed hotline run), the hotline in both loads, and their ratio.
    /// </summary>
    private static void ReportCpu(MessageCpu floor, MessageCpu closed, MessageCpu open, BenchmarkTargets targets)
    {
        Console.WriteLine($"CPU per message answered 200, steady window: floor endpoint about {floor.ApiMilliseconds:F3} ms; "
            + $"Hotline.Api closed {closed.ApiMilliseconds:F3} ms, open {open.ApiMilliseconds:F3} ms; "
            + $"ratio Hotline.Api open / floor = {open.ApiMilliseconds / Math.Max(0.001, floor.ApiMilliseconds):F1}");
        targets.Check(Name, $"open loop: Hotline.Api CPU under {MaxApiCpuMillisecondsPerMessage} ms per message", open.ApiMilliseconds < MaxApiCpuMillisecondsPerMessage,
            $"{open.ApiMilliseconds:F3} ms: at {MinAcceptedPerSecond:N0}/s, {open.ApiMilliseconds * MinAcceptedPerSecond / 1_000 / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores");
    }

    private static void CheckClosed(WebhookLoadSummary load, InboundMessageAudit audit, double ratio, BenchmarkTargets targets)
    {
        var p99 = load.Acknowledgement?.P99 ?? double.PositiveInfinity;
        targets.Check(Name, $"closed loop: at least {MinAcceptedPerSecond:N0} messages/s sustained", load.AcceptedPerSecond >= MinAcceptedPerSecond,
            $"{load.AcceptedPerSecond:N0}/s");
        targets.Check(Name, $"closed loop: p99 acknowledgement under {MaxP99Milliseconds} ms", p99 < MaxP99Milliseconds, $"{p99:F2} ms");
        targets.Check(Name, "closed loop: 0 lost, 0 duplicated", audit.Lost == 0 && audit.Duplicated == 0, $"lost {audit.Lost:N0}, duplicated {audit.Duplicated:N0}");
        targets.Check(Name, $"closed loop: at least {MinFloorRatio} of the floor", ratio >= MinFloorRatio, $"{ratio:F2}");
    }

    /// <param name="loop">Which open loop, as the targets name it.</param>
    public static void CheckOpen(string loop, int perSecond, WebhookLoadSummary load, InboundMessageAudit audit, BenchmarkTargets targets)
    {
        var p99 = load.Acknowledgement?.P99 ?? double.PositiveInfinity;
        targets.Check(Name, $"{loop}: offered at least {MinAcceptedPerSecond:N0} messages/s", perSecond >= MinAcceptedPerSecond, $"{perSecond:N0}/s");
        targets.Check(Name, $"{loop}: every post of the window answered 200", load.WindowRequests > 0 && load.WindowNotOk == 0,
            $"{load.WindowRequests - load.WindowNotOk:N0} of {load.WindowRequests:N0}, {load.AcceptedPerSecond:N0}/s");
        targets.Check(Name, $"{loop}: p99 from intended start to acknowledgement under {MaxP99Milliseconds} ms", p99 < MaxP99Milliseconds, $"{p99:F2} ms");
        targets.Check(Name, $"{loop}: 0 lost, 0 duplicated", audit.Lost == 0 && audit.Duplicated == 0, $"lost {audit.Lost:N0}, duplicated {audit.Duplicated:N0}");
    }

    /// <summary>
    /// CPU used between the end of the warm-up and the deadline, read from each clock at both moments while
    /// the load runs. Two cores shared by server and load generator: CPU per message caps throughput too.
    /// </summary>
    private static async Task<TimeSpan[]> CpuOverWindowAsync(TimeSpan warmUp, TimeSpan duration, params Func<TimeSpan>[] clocks)
    {
        await Task.Delay(warmUp);
        var atStart = clocks.Select(clock => clock()).ToArray();
        await Task.Delay(duration - warmUp);
        return clocks.Select((clock, i) => clock() - atStart[i]).ToArray();
    }

    /// <summary>As <see cref="CpuOverWindowAsync"/>, with the API's collections and pauses over the same window.</summary>
    private static async Task<(TimeSpan[] Cpu, string Runtime)> CpuAndRuntimeOverWindowAsync(Uri api, TimeSpan warmUp, TimeSpan duration,
        params Func<TimeSpan>[] clocks)
    {
        await Task.Delay(warmUp);
        var atStart = clocks.Select(clock => clock()).ToArray();
        var runtimeAtStart = await RuntimeProbe.ReadAsync(api);
        await Task.Delay(duration - warmUp);
        var cpu = clocks.Select((clock, i) => clock() - atStart[i]).ToArray();
        return (cpu, RuntimeProbe.Describe(runtimeAtStart, await RuntimeProbe.ReadAsync(api), duration - warmUp));
    }

    private static TimeSpan OwnProcessorTime() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string PerAccepted(TimeSpan cpu, WebhookLoadSummary summary, TimeSpan window) =>
        $"{cpu.TotalSeconds:F1} s of {Environment.ProcessorCount * window.TotalSeconds:F0} s ({MillisecondsPerAccepted(cpu, summary, window):F3} ms per 200)";

    private static double MillisecondsPerAccepted(TimeSpan cpu, WebhookLoadSummary summary, TimeSpan window) =>
        cpu.TotalMilliseconds / Math.Max(1, summary.AcceptedPerSecond * window.TotalSeconds);

    /// <summary>Others may be building on the same cores; the figures are only comparable between quiet machines.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "...";
}

/// <summary>CPU per message answered 200 in a steady window: the API process's own, and the load generator's beside it.</summary>
internal sealed record MessageCpu(double ApiMilliseconds, double GeneratorMilliseconds);
