using System.Diagnostics;
using System.Security.Cryptography;
using Hotline.Api.Tests.Infrastructure;
using Hotline.Api.Tests.Twilio.Fakes;

namespace Hotline.Api.Tests.Chaos;

/// <summary>
/// Three API processes on one SQLite file behind a round-robin proxy, fed by a Twilio-like sender, sending
/// through a Twilio stand-in that fails a share of calls, sharing a redis-server that is stopped and started
/// again, one process SIGKILLed and restarted every few seconds, and consoles reconnecting through whichever
/// process is alive; then the tables are read back and checked (<see cref="ChaosReport"/>).
/// </summary>
public static class ChaosRun
{
    private const string PublicBaseUrl = "https://chaos.example.org";
    private const string HotlineNumber = "+15005550006";
    private const string Supervisor = "chaos-supervisor";

    public static async Task<ChaosReport> RunAsync(ChaosPlan plan, TextWriter output, CancellationToken cancellationToken)
    {
        var authToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var password = "chaos-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        await using var redis = await RedisServer.StartAsync();
        await using var twilio = await FakeTwilioServer.StartAsync("AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), authToken);
        var environment = ApiFleet.TwilioEnvironment(twilio.BaseUrl, twilio.AccountSid, authToken, PublicBaseUrl, HotlineNumber);
        environment["Hotline__Redis__ConnectionString"] = redis.ConnectionString;
        environment["Twilio__RequestTimeoutSeconds"] = $"{plan.TwilioTimeout.TotalSeconds:F0}";
        environment["Twilio__Reconciliation__IntervalSeconds"] = "10";
        environment["Twilio__Reconciliation__LookbackMinutes"] = "30";
        // A killed process's claims come back within seconds rather than the two minutes of production.
        environment["Hotline__Outbox__LeaseSeconds"] = "10";
        environment["Hotline__Auth__RequireTwoFactor"] = "false";
        environment["Logging__LogLevel__Default"] = "Warning";
        // The line that says where a process listens, which ApiProcess waits for.
        environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var clock = Stopwatch.StartNew();
        await using var fleet = await ApiFleet.StartAsync(ChaosPlan.Processes, environment);
        await using var proxy = new RoundRobinProxy(fleet.Ports);
        var added = await fleet.RunCommandAsync(["users", "add", Supervisor, "--role", "supervisor", "--languages", "en"], password);
        if (added.ExitCode != 0)
        {
            throw new InvalidOperationException($"users add failed: {added.StandardOutput}{added.StandardError}");
        }

        await using var consoles = await ChaosConsoles.ConnectAsync(proxy.Address, Supervisor, password, plan.Consoles, cancellationToken);
        output.WriteLine($"[setup] {ChaosPlan.Processes} processes on {fleet.DatabaseFile}, proxy {proxy.Address}, {plan.Consoles} consoles ({clock.Elapsed.TotalSeconds:F1} s)");

        twilio.StartOutage(plan.TwilioCreateFailureShare, plan.TwilioListFailureShare, plan.TwilioTimeout + TimeSpan.FromSeconds(1), plan.Seed);
        var sender = new TwilioLikeSender(twilio, proxy.Address, authToken, PublicBaseUrl, HotlineNumber);
        var load = Stopwatch.StartNew();
        using var loadOver = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sending = sender.SendAsync(plan.Messages, plan.Duration, load, cancellationToken);
        var kills = KillAndRestartAsync(fleet, plan, load, output, loadOver.Token);
        var redisOutage = StopRedisAsync(redis, plan, load, output, loadOver.Token);
        await sending;
        var lastMessage = load.Elapsed;
        await loadOver.CancelAsync();
        var killedAt = await kills;
        await redisOutage;
        twilio.EndOutage();
        output.WriteLine($"[load] {plan.Messages:N0} messages in {lastMessage.TotalSeconds:F1} s; waiting for the hotline to settle");

        var settledAfter = await SettleAsync(fleet, sender, plan, load, cancellationToken) - lastMessage;
        var views = await consoles.ResyncAndReadAsync(cancellationToken);
        var tables = ChaosTables.Read(fleet.DatabaseFile, DateTimeOffset.UtcNow);
        return new ChaosReport(sender.Results, twilio.Created, tables, views, killedAt, settledAfter, twilio.OutageFailures);
    }

    /// <summary>Every <see cref="ChaosPlan.KillEvery"/> while the load runs, the next process in turn is killed and started again.</summary>
    private static async Task<IReadOnlyList<TimeSpan>> KillAndRestartAsync(ApiFleet fleet, ChaosPlan plan, Stopwatch load, TextWriter output, CancellationToken loadOver)
    {
        var kills = new List<TimeSpan>();
        for (var slot = 0; ; slot = (slot + 1) % ChaosPlan.Processes)
        {
            try
            {
                await Task.Delay(plan.KillEvery, loadOver);
            }
            catch (OperationCanceledException)
            {
                return kills;
            }

            kills.Add(load.Elapsed);
            await fleet.KillAsync(slot);
            await fleet.StartAsync(slot);
            output.WriteLine($"[kill] process {slot} at {kills[^1].TotalSeconds:F1} s, serving again at {load.Elapsed.TotalSeconds:F1} s");
        }
    }

    private static async Task StopRedisAsync(RedisServer redis, ChaosPlan plan, Stopwatch load, TextWriter output, CancellationToken loadOver)
    {
        try
        {
            await Task.Delay(plan.RedisDownAt, loadOver);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await redis.StopAsync();
        output.WriteLine($"[redis] stopped at {load.Elapsed.TotalSeconds:F1} s");
        await Task.Delay(plan.RedisDownFor, CancellationToken.None);
        await redis.RestartAsync();
        output.WriteLine($"[redis] started again at {load.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Waits until every accepted message is stored, nothing waits in the outbox and the statistics are counted, or the plan's patience runs out.</summary>
    private static async Task<TimeSpan> SettleAsync(ApiFleet fleet, TwilioLikeSender sender, ChaosPlan plan, Stopwatch load, CancellationToken cancellationToken)
    {
        var giveUpAt = load.Elapsed + plan.SettleWithin;
        var sids = sender.Results.Select(p => p.MessageSid).ToList();
        while (load.Elapsed < giveUpAt)
        {
            var (waiting, counted) = ChaosTables.Progress(fleet.DatabaseFile);
            var stored = ChaosTables.StoredSids(fleet.DatabaseFile);
            if (waiting == 0 && counted && sids.All(stored.Contains))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        return load.Elapsed;
    }
}
