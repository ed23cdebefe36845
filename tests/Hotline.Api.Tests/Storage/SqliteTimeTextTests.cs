namespace Hotline.Api.Tests.Storage;

/// <summary>
/// SQLite holds times as fixed-width UTC text to the millisecond; they are written and read digit by digit, in exactly
/// the form the runtime's formatter gave before. CsCheck prints the seed that replays a failure (<c>CsCheck_Seed</c>).
/// </summary>
public sealed class SqliteTimeTextTests
{
    private static readonly Gen<DateTimeOffset> AnyTime =
        Gen.Select(Gen.Long[DateTimeOffset.MinValue.UtcTicks + TimeSpan.TicksPerDay, DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerDay],
            Gen.Int[-14 * 60, 14 * 60],
            (ticks, offsetMinutes) => new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes)));

    [Fact]
    public void A_time_is_written_in_utc_to_the_millisecond()
    {
        // 0.9999 ms past the millisecond: dropped, not rounded, as the runtime's formatter drops it.
        var time = new DateTimeOffset(2026, 12, 5, 8, 30, 15, 123, TimeSpan.FromHours(2)).AddTicks(9_999);

        Assert.Equal("2026-12-05T06:30:15.123Z", SqliteTimeText.Write(time));
        Assert.Equal("0001-01-01T00:00:00.000Z", SqliteTimeText.Write(DateTimeOffset.MinValue));
        Assert.Equal("9999-12-31T23:59:59.999Z", SqliteTimeText.Write(DateTimeOffset.MaxValue));
    }

    [Fact]
    public void Any_time_is_written_as_the_runtimes_formatter_wrote_it()
    {
        AnyTime.Sample(time => Assert.Equal(
            time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), SqliteTimeText.Write(time)));
    }

    [Fact]
    public void Any_time_reads_back_to_its_millisecond_in_utc_and_text_order_is_time_order()
    {
        // The second time is sometimes any other, sometimes within two milliseconds of the first (often the same millisecond).
        var near = Gen.Select(AnyTime, Gen.Long[-20_000, 20_000], (time, ticks) => (time, time.AddTicks(ticks)));
        Gen.Frequency((1, Gen.Select(AnyTime, AnyTime)), (1, near)).Sample(pair =>
        {
            var (first, second) = pair;
            var (a, b) = (Millisecond(first), Millisecond(second));
            var read = SqliteTimeText.Read(SqliteTimeText.Write(first));

            Assert.Equal(a, read);
            Assert.Equal(TimeSpan.Zero, read.Offset);
            Assert.Equal(a.CompareTo(b), Math.Sign(string.CompareOrdinal(SqliteTimeText.Write(first), SqliteTimeText.Write(second))));
        });
    }

    [Theory]
    [InlineData("2026-12-05 08:30:15.123Z", "2026-12-05T08:30:15.1230000+00:00")]
    [InlineData("2026-12-05 08:30:15", "2026-12-05T08:30:15.0000000+00:00")]
    [InlineData("2026-12-05T08:30:15.1234567+02:00", "2026-12-05T06:30:15.1234567+00:00")]
    [InlineData("2026-12-05T08:30:15Z", "2026-12-05T08:30:15.0000000+00:00")]
    public void Text_in_another_form_reads_as_the_runtime_reads_it(string stored, string expected)
    {
        Assert.Equal(expected, SqliteTimeText.Read(stored).ToString("O", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-02-30T08:30:15.123Z")]
    [InlineData("0000-12-05T08:30:15.123Z")]
    [InlineData("2026-00-05T08:30:15.123Z")]
    [InlineData("2026-13-05T08:30:15.123Z")]
    [InlineData("2026-12-00T08:30:15.123Z")]
    [InlineData("2026-12-05T24:30:15.123Z")]
    [InlineData("2026-12-05T08:60:15.123Z")]
    [InlineData("2026-12-31T23:59:60.000Z")]
    [InlineData("2026-1x-05T08:30:15.123Z")]
    [InlineData("2026-12-05T08:30:1\u0663.123Z")]
    [InlineData("")]
    public void Text_that_is_no_time_is_refused(string stored)
    {
        Assert.Throws<FormatException>(() => SqliteTimeText.Read(stored));
    }

    [Fact]
    public void Any_text_of_the_stored_width_reads_as_the_runtimes_parser_reads_it_or_is_refused_as_it_refused_it()
    {
        // Fields a little past their ranges, and sometimes one character replaced, so that refusals are drawn as often as times.
        var fields = Gen.Select(Gen.Int[0, 9999], Gen.Int[0, 13], Gen.Int[0, 32], Gen.Int[0, 24], Gen.Int[0, 60], Gen.Int[0, 60], Gen.Int[0, 999],
            (year, month, day, hour, minute, second, millisecond) =>
                $"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}.{millisecond:D3}Z");
        var odd = Gen.OneOf(' ', 't', 'z', '+', ':', '-', '.', 'x', '\u0663');
        var altered = Gen.Select(fields, Gen.Int[0, 23], odd, (text, position, replacement) =>
            string.Concat(text.AsSpan(0, position), [replacement], text.AsSpan(position + 1)));
        Gen.Frequency((1, fields), (1, altered)).Sample(text => Assert.Equal(
            Outcome(() => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)),
            Outcome(() => SqliteTimeText.Read(text))));
    }

    /// <summary>The time and its offset read, or the type of the refusal.</summary>
    private static object Outcome(Func<DateTimeOffset> read)
    {
        try
        {
            var time = read();
            return (time, time.Offset);
        }
        catch (Exception refusal) when (refusal is FormatException or ArgumentOutOfRangeException)
        {
            return refusal.GetType();
        }
    }

    private static DateTimeOffset Millisecond(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
