namespace Hotline.Api.Privacy;

/// <summary>
/// Cryptographically random bytes for values that are stored or sent in clear: the nonces beside each sealed field and
/// media chunk, and the random part of new rows' ids. Never for keys, tokens or passwords. The bytes are
/// <see cref="RandomNumberGenerator"/>'s, taken a kilobyte at a time per thread: on Linux .NET draws from OpenSSL 3's
/// generator, which asks the kernel for the process id on every draw (its check for a fork), and a webhook draws about
/// five times a message, ids and nonces together; from the thread's kilobyte a draw is a copy. Each byte is handed out
/// once.
/// </summary>
public static class NonSecretRandom
{
    private const int BlockSize = 1024;

    /// <summary>Longer draws take their own bytes from the generator: a few of them would use the block up.</summary>
    private const int MostFromBlock = 64;

    [ThreadStatic]
    private static byte[]? _block;

    /// <summary>Where the bytes not yet handed out begin in <see cref="_block"/>.</summary>
    [ThreadStatic]
    private static int _nextUnused;

    public static void Fill(Span<byte> destination)
    {
        if (destination.Length > MostFromBlock)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }

        if (_block is null || BlockSize - _nextUnused < destination.Length)
        {
            // Marked used up before it is filled: a fill that throws must not leave a block of zeros to be handed out as
            // nonces (a repeated GCM nonce under one key gives the key's authentication away).
            var block = _block ?? new byte[BlockSize];
            _nextUnused = BlockSize;
            RandomNumberGenerator.Fill(block);
            (_block, _nextUnused) = (block, 0);
        }

        _block.AsSpan(_nextUnused, destination.Length).CopyTo(destination);
        _nextUnused += destination.Length;
    }
}
