namespace Hotline.Api.Tests.Chaos;

/// <summary>
/// The chaos run, small enough for the test suite: three processes on one SQLite file behind a proxy, a
/// process SIGKILLed every 10 s, Redis stopped and started, Twilio failing a share of calls, 20 consoles.
/// How fast ingest recovers after a kill is printed, not asserted (tests never assert on wall-clock speed):
/// the full run, <c>dotnet run -c Release --project tests/Hotline.Benchmarks -- chaos</c>, checks it.
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Through_kills_a_redis_outage_and_twilio_failures_nothing_is_lost_or_sent_twice_and_every_console_sees_every_case()
    {
        var seed = Environment.TickCount;
        var printed = new StringWriter();
        printed.WriteLine($"Chaos seed: {seed}");

        var report = await ChaosRun.RunAsync(ChaosPlan.Small(seed), printed, TestContext.Current.CancellationToken);

        report.WriteTo(printed);
        output.WriteLine(printed.ToString());
        Assert.Equal([], report.Misses);
    }
}
