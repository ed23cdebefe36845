namespace Hotline.Api.Tests.Privacy;

/// <summary>
/// Random bytes for values kept in clear (nonces, ids) come a kilobyte at a time from the cryptographic generator: every
/// draw is fresh, whatever its length and wherever it falls in the kilobyte, on any thread.
/// </summary>
public sealed class ClearRandomTests
{
    [Fact]
    public void Twelve_byte_draws_never_repeat_across_many_kilobytes()
    {
        var nonces = Enumerable.Range(0, 50_000).Select(_ => Draw(12)).ToList();

        Assert.Equal(50_000, nonces.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Draws_of_every_length_up_to_beyond_the_block_limit_are_filled_and_distinct()
    {
        // Lengths 1 to 100 in turn: draws cross the kilobyte's end at varying points, and 65 to 100 bypass the block.
        var draws = Enumerable.Range(0, 5_000).Select(i => Draw(1 + i % 100)).ToList();

        var longEnough = draws.Where(d => d.Length >= 2 * 8).ToList();
        Assert.Equal(longEnough.Count, longEnough.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enumerable.Range(0, 5_000).Sum(i => 2 * (1 + i % 100)), draws.Sum(d => d.Length));
    }

    [Fact]
    public void Every_byte_value_turns_up()
    {
        var seen = new HashSet<byte>();
        var buffer = new byte[12];
        for (var i = 0; i < 2_000; i++)
        {
            ClearRandom.Fill(buffer);
            seen.UnionWith(buffer);
        }

        Assert.Equal(256, seen.Count);
    }

    [Fact]
    public void Threads_drawing_at_once_never_share_bytes()
    {
        var nonces = new ConcurrentBag<string>();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                nonces.Add(Draw(12));
            }
        });

        Assert.Equal(40_000, nonces.Distinct(StringComparer.Ordinal).Count());
    }

    private static string Draw(int length)
    {
        var bytes = new byte[length];
        ClearRandom.Fill(bytes);
        return Convert.ToHexString(bytes);
    }
}
