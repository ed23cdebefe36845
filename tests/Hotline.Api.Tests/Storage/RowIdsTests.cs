namespace Hotline.Api.Tests.Storage;

/// <summary>
/// New rows' ids are RFC 9562 version 7 UUIDs: the time they were made, to the millisecond, then random bits; the same
/// layout as <see cref="Guid.CreateVersion7(DateTimeOffset)"/>, which they replace. CsCheck prints the seed that replays a
/// failure (<c>CsCheck_Seed</c>).
/// </summary>
public sealed class RowIdsTests
{
    [Fact]
    public void An_id_carries_its_time_its_version_and_its_variant_in_the_rfc_layout()
    {
        var id = RowIds.Version7(new DateTimeOffset(2026, 12, 5, 8, 30, 15, 123, TimeSpan.Zero));

        // 2026-12-05T08:30:15.123Z is 1,796,459,415,123 ms after the Unix epoch: 0x01A2_4553_4653.
        Assert.StartsWith("01a24553-4653-7", id.ToString(), StringComparison.Ordinal);
        Assert.Equal(7, id.Version);
        Assert.Equal(0b1000, id.Variant & 0b1100);
    }

    [Fact]
    public void Any_time_from_the_epoch_on_reads_back_from_the_id_and_ids_sort_by_their_time()
    {
        var times = Gen.Long[0, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()].Select(DateTimeOffset.FromUnixTimeMilliseconds);
        Gen.Select(times, times).Sample((first, second) =>
        {
            var (a, b) = (RowIds.Version7(first), RowIds.Version7(second));
            Assert.Equal(first, MadeAt(a));
            Assert.Equal((7, 7), (a.Version, b.Version));
            if (first != second)
            {
                Assert.Equal(first.CompareTo(second), Math.Sign(a.CompareTo(b)));
            }
        });
    }

    [Fact]
    public void Ids_made_in_the_same_millisecond_differ_in_their_random_bits()
    {
        var at = new DateTimeOffset(2026, 12, 5, 8, 30, 15, 123, TimeSpan.Zero);

        var ids = Enumerable.Range(0, 10_000).Select(_ => RowIds.Version7(at)).ToList();

        Assert.Equal(10_000, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(at, MadeAt(id)));
        // The 12 random bits between the version and the variant (4,096 values; about 3,740 distinct expected in 10,000).
        Assert.True(ids.Select(id => id.ToString("N")[13..16]).Distinct().Count() > 3_000);
    }

    [Fact]
    public void A_time_before_the_epoch_is_refused_as_the_runtime_refuses_it()
    {
        var before = new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero);

        Assert.Throws<ArgumentOutOfRangeException>(() => Guid.CreateVersion7(before));
        Assert.Throws<ArgumentOutOfRangeException>(() => RowIds.Version7(before));
    }

    [Fact]
    public void The_api_makes_its_ids_here_and_not_with_the_runtimes_version_7()
    {
        var callers = StatementOwnership.ReadProject(Path.Combine(PublishedImage.RepositoryRoot, "Hotline.Api"))
            .SelectMany(file => file.Text.Split('\n').Select(line => (file.Path, Line: line.Trim())))
            .Where(line => !line.Line.StartsWith("///", StringComparison.Ordinal) && line.Line.Contains("Guid.CreateVersion7(", StringComparison.Ordinal))
            .Select(line => line.Path);

        Assert.Empty(callers);
    }

    /// <summary>The first 48 bits, read as RFC 9562 writes them (big-endian), independently of how the id was made.</summary>
    private static DateTimeOffset MadeAt(Guid id) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(id.ToString("N")[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
