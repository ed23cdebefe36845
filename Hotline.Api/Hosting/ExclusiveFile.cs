namespace Hotline.Api.Hosting;

/// <summary>
/// A file this process holds alone, for which another process may wait: <see cref="FileShare.None"/> is an exclusive
/// advisory lock (flock) on Linux and a share lock on Windows, and the operating system lets it go when its holder exits,
/// however it exits. The Development secrets and the migration lock of a SQLite file are held so.
/// </summary>
/// <remarks>
/// The wait is timed on the machine's monotonic clock, never on the app's <see cref="TimeProvider"/>: it waits for another
/// process, which lets go in real time, and a clock that a test holds still (or that jumps) must neither stretch the retry
/// into a wait that never ends nor cut it short.
/// </remarks>
internal static class ExclusiveFile
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Opens (or creates) <paramref name="path"/>, trying again while another process holds it, for at most
    /// <paramref name="wait"/>; then the last attempt's <see cref="IOException"/> is thrown. <paramref name="firstWait"/> is
    /// called once, when the first attempt finds the file held.
    /// </summary>
    public static async Task<FileStream> OpenAsync(string path, TimeSpan wait, Action firstWait, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (TimeProvider.System.GetElapsedTime(started) < wait)
            {
                if (attempt == 0)
                {
                    firstWait();
                }

                // Not back on the caller's context: the Development secrets block on this while the host is built.
                await Task.Delay(RetryEvery, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
