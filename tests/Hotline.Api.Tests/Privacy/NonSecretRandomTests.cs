namespace Hotline.Api.Tests.Privacy;

/// <summary>
/// Random bytes for values kept in clear (nonces, ids) come a kilobyte at a time from the cryptographic generator: no
/// byte is handed out twice, whatever the draws' lengths and wherever they fall in the kilobyte, on any thread. Reuse shows
/// as a repeated run of eight bytes in everything drawn (eight or more bytes given twice do): among the few hundred thousand drawn here, eight random bytes
/// repeat by chance about once in a hundred million runs.
/// </summary>
public sealed class NonSecretRandomTests
{
    [Fact]
    public void Nonce_sized_draws_never_hand_out_a_byte_twice()
    {
        var drawn = Enumerable.Range(0, 50_000).SelectMany(_ => Draw(12)).ToArray();

        Assert.Empty(RepeatedRuns(drawn));
    }

    [Fact]
    public void Draws_of_every_length_from_1_to_100_never_hand_out_a_byte_twice()
    {
        // Lengths 1 to 100 in turn: draws end at varying points before the kilobyte's end (a draw that no longer fits takes
        // a new kilobyte), and 65 to 100 bytes bypass the block.
        var drawn = Enumerable.Range(0, 5_000).SelectMany(i => Draw(1 + i % 100)).ToArray();

        Assert.Equal(252_500, drawn.Length);
        Assert.Empty(RepeatedRuns(drawn));
    }

    [Fact]
    public void Every_byte_value_turns_up()
    {
        var seen = new HashSet<byte>();
        for (var i = 0; i < 2_000; i++)
        {
            seen.UnionWith(Draw(12));
        }

        Assert.Equal(256, seen.Count);
    }

    [Fact]
    public void Eight_threads_drawing_at_once_never_share_a_byte()
    {
        using var start = new Barrier(8);
        var drawnByThread = new byte[8][];
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            drawnByThread[t] = Enumerable.Range(0, 5_000).SelectMany(_ => Draw(12)).ToArray();
        })).ToList();

        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.Empty(RepeatedRuns(drawnByThread.SelectMany(bytes => bytes).ToArray()));
    }

    private static byte[] Draw(int length)
    {
        var bytes = new byte[length];
        NonSecretRandom.Fill(bytes);
        return bytes;
    }

    /// <summary>Every run of eight bytes that occurs twice in <paramref name="drawn"/>, at any offset.</summary>
    private static List<ulong> RepeatedRuns(byte[] drawn)
    {
        var seen = new HashSet<ulong>();
        var repeated = new List<ulong>();
        for (var offset = 0; offset + 8 <= drawn.Length; offset++)
        {
            var run = BitConverter.ToUInt64(drawn, offset);
            if (!seen.Add(run))
            {
                repeated.Add(run);
            }
        }

        return repeated;
    }
}
