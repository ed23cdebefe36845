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
        var time = new DateTimeOffset(2026, 12, 5, 8, 30, 15, 123, TimeSpan.FromHours(2)).AddTicks(4_567);

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
        Gen.Select(AnyTime, AnyTime).Sample((first, second) =>
        {
            var (a, b) = (Millisecond(first), Millisecond(second));
            var read = SqliteTimeText.Read(SqliteTimeText.Write(first));

            Assert.Equal(a, read);
            Assert.Equal(TimeSpan.Zero, read.Offset);
            Assert.Equal(a.CompareTo(b), Math.Sign(string.CompareOrdinal(SqliteTimeText.Write(first), SqliteTimeText.Write(second))));
        });
    }

    [Theory]
    [InlineData("2026-12-05 08:30:15", "2026-12-05T08:30:15.0000000+00:00")]
    [InlineData("2026-12-05T08:30:15.1234567+02:00", "2026-12-05T06:30:15.1234567+00:00")]
    [InlineData("2026-12-05T08:30:15Z", "2026-12-05T08:30:15.0000000+00:00")]
    public void Text_in_another_form_reads_as_the_runtime_reads_it(string stored, string expected)
    {
        Assert.Equal(expected, SqliteTimeText.Read(stored).ToString("O", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-02-30T08:30:15.123Z")]
    [InlineData("2026-12-05T24:30:15.123Z")]
    [InlineData("2026-1x-05T08:30:15.123Z")]
    [InlineData("")]
    public void Text_that_is_no_time_is_refused(string stored)
    {
        Assert.Throws<FormatException>(() => SqliteTimeText.Read(stored));
    }

    private static DateTimeOffset Millisecond(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
