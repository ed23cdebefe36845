using System.Diagnostics.Metrics;
using Hotline.Api.Metrics;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>A <see cref="LoopWatch"/> for a background service a test builds on its own, outside the host.</summary>
public static class TestLoopWatch
{
    public static LoopWatch Create(Database database) => new(new HotlineMetrics(
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>(), new OperationalSnapshot(), database));
}
