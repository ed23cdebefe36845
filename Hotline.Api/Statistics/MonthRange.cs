namespace Hotline.Api.Statistics;

/// <summary>An inclusive range of calendar months (UTC), the only granularity statistics are published at.</summary>
public sealed record MonthRange(DateOnly From, DateOnly To)
{
    public const int MaxMonths = 36;
    public const int DefaultMonths = 12;

    /// <summary>The first month a report can show: the hotline has no data older.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public IReadOnlyList<string> Months
    {
        get
        {
            var months = new List<string>();
            for (var month = From; month <= To; month = month.AddMonths(1))
            {
                months.Add(Key(month));
            }

            return months;
        }
    }

    public string FromKey => Key(From);

    public string ToKey => Key(To);

    public static string Key(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads <c>from</c> and <c>to</c> as yyyy-MM. Both absent: the last <see cref="DefaultMonths"/> months up to
    /// this one. A range that runs backwards, starts in the future, is longer than <see cref="MaxMonths"/>
    /// months or starts before 2000 is refused with the reason. A range that ends in the future ends with this month: a
    /// month not begun has nothing to count, and headed by its name alone it would read as final.
    /// </summary>
    public static (MonthRange? Range, string? Error) Parse(string? from, string? to, DateTimeOffset now)
    {
        var current = new DateOnly(now.UtcDateTime.Year, now.UtcDateTime.Month, 1);
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            return (new MonthRange(current.AddMonths(1 - DefaultMonths), current), null);
        }

        if (!TryMonth(from, out var start) || !TryMonth(to, out var asked))
        {
            return (null, "Give both 'from' and 'to' as year and month, such as from=2026-01&to=2026-06.");
        }

        var end = asked > current && start <= current ? current : asked;

        var months = (end.Year - start.Year) * 12 + end.Month - start.Month + 1;
        var error = (start, end) switch
        {
            _ when start > end => $"'from' ({Key(start)}) is after 'to' ({Key(end)}).",
            _ when start < Earliest => "'from' is before the year 2000; the hotline has no data that old.",
            _ when start > current => $"'from' ({Key(start)}) is in the future.",
            _ when months > MaxMonths => $"The range covers {months} months; at most {MaxMonths} fit in one report.",
            _ => null,
        };
        return error is null ? (new MonthRange(start, end), null) : (null, error);
    }

    private static bool TryMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
}
