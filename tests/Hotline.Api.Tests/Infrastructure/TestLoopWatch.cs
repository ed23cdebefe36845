using System.Diagnostics.Metrics;
using Hotline.Api.Metrics;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// A <see cref="LoopWatch"/> for a background service a test builds on its own, outside the host. Its meter is disposed at
/// once, so what it counts is counted nowhere: hosts listen to meters by name, and one left alive would reach the scrape
/// of every host that runs later in the process.
/// </summary>
public static class TestLoopWatch
{
    public static LoopWatch Create(Database database)
    {
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        return new(new HotlineMetrics(meters.GetRequiredService<IMeterFactory>(), new OperationalSnapshot(), database));
    }
}
