namespace Hotline.Api.Privacy;

/// <summary>
/// Cryptographically random bytes for values that are kept or sent in clear: the nonces beside each sealed field and media
/// chunk, and the random part of new rows' ids. Never for keys, tokens or passwords (<see cref="RandomNumberGenerator"/>
/// itself serves those). They come from <see cref="RandomNumberGenerator"/> a kilobyte at a time per thread: on Linux each
/// draw from it (OpenSSL's generator) asks the kernel for the process id, to reseed after a fork, and a webhook draws about
/// five times a message; from the thread's kilobyte a draw is a copy. Each byte is handed out once.
/// </summary>
public static class ClearRandom
{
    private const int BlockSize = 1024;

    /// <summary>Longer draws take their own bytes from the generator: they are rare, and would empty the block at once.</summary>
    private const int MostFromBlock = 64;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_next;

    public static void Fill(Span<byte> destination)
    {
        if (destination.Length > MostFromBlock)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }

        if (t_block is null || BlockSize - t_next < destination.Length)
        {
            t_block ??= new byte[BlockSize];
            RandomNumberGenerator.Fill(t_block);
            t_next = 0;
        }

        t_block.AsSpan(t_next, destination.Length).CopyTo(destination);
        t_next += destination.Length;
    }
}
