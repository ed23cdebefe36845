using System.Runtime.InteropServices;

namespace Hotline.Api.Media;

/// <summary>
/// Lowers the OS scheduling priority of the calling thread alone. On Linux each thread has its own nice value
/// (setpriority on the thread's id), so a thread that decodes photos can yield the cores to the threads that answer
/// webhooks without slowing the rest of the process. Lowering needs no privilege; raising it back would, so this is
/// only for a thread that does nothing else for the rest of its life.
/// </summary>
internal static class ThreadNice
{
    private const int PriorityOfProcess = 0;

    /// <summary>
    /// Null when the calling thread now runs at <paramref name="nice"/> (or already ran at a lower priority, which it keeps);
    /// otherwise why it could not, and it runs as before.
    /// </summary>
    public static string? TryLowerCurrentThread(int nice)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "per-thread priorities are only lowered on Linux";
        }

        try
        {
            var thread = gettid();
            // -1 is also a nice value: only errno tells a failure apart (the runtime clears it before the call).
            var current = getpriority(PriorityOfProcess, thread);
            if (current == -1 && Marshal.GetLastPInvokeError() != 0)
            {
                return $"getpriority failed with error {Marshal.GetLastPInvokeError()}";
            }

            // Never raised: in a process started with a higher nice value (nice -n 19 dotnet ...), the worker keeps it.
            return setpriority(PriorityOfProcess, thread, Math.Max(nice, current)) == 0
                ? null
                : $"setpriority failed with error {Marshal.GetLastPInvokeError()}";
        }
        catch (EntryPointNotFoundException)
        {
            return "the C library has no gettid (glibc before 2.30)";
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc", SetLastError = true)]
    private static extern int getpriority(int which, int who);

    [DllImport("libc")]
    private static extern int gettid();
}
