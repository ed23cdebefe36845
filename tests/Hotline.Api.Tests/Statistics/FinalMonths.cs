namespace Hotline.Api.Tests.Statistics;

/// <summary>Column headings for tests of suppression alone: read long after every month was final, each is headed by its name.</summary>
internal static class FinalMonths
{
    public static readonly MonthHeadings Headings = new(DateTimeOffset.MaxValue, TimeSpan.Zero);
}
