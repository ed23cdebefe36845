using System.Globalization;

namespace Hotline.Api.Tests.Twilio.Fakes;

/// <summary>
/// Twilio's <c>DateSent</c>, <c>DateSent&gt;</c> (on or after) and <c>DateSent&lt;</c> (on or before) list filters.
/// Each takes a GMT date (YYYY-MM-DD, a whole day) or a date and time (the SDK sends yyyy-MM-ddTHH:mm:ssZ).
/// </summary>
internal readonly record struct DateSentFilter(DateOnly? On, DateTimeOffset? From, DateTimeOffset? Until)
{
    public static bool TryParse(string? on, string? after, string? before, out DateSentFilter filter)
    {
        filter = default;
        if (!TryParse(on, out var onStart, out _) || !TryParse(after, out var from, out _)
            || !TryParse(before, out var untilStart, out var untilWholeDay))
        {
            return false;
        }

        var until = untilStart is { } start && untilWholeDay ? start.AddDays(1).AddTicks(-1) : untilStart;
        filter = new DateSentFilter(onStart is { } day ? DateOnly.FromDateTime(day.UtcDateTime) : null, from, until);
        return true;
    }

    public bool Matches(DateTimeOffset sent) =>
        (On is null || DateOnly.FromDateTime(sent.UtcDateTime) == On)
        && (From is null || sent >= From)
        && (Until is null || sent <= Until);

    private static bool TryParse(string? value, out DateTimeOffset? time, out bool wholeDay)
    {
        time = null;
        wholeDay = false;
        if (value is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            time = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            wholeDay = true;
            return true;
        }

        if (DateTimeOffset.TryParse(
                value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }
}
