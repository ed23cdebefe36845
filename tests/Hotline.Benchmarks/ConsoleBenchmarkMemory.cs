namespace Hotline.Benchmarks;

/// <summary>One reading of the API process's memory, in bytes: resident (working set), .NET's private bytes and resident anonymous memory.</summary>
internal readonly record struct MemorySample(TimeSpan At, long WorkingSet, long PrivateBytes, long ResidentAnonymous);

/// <summary>Reads another process's memory every few hundred milliseconds until stopped; keeps every reading.</summary>
internal sealed class ConsoleBenchmarkMemory : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    private readonly int _processId;
    private readonly long _origin;
    private readonly List<MemorySample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ConsoleBenchmarkMemory(int processId, long origin)
    {
        _processId = processId;
        _origin = origin;
        _loop = Task.Run(LoopAsync);
    }

    public IReadOnlyList<MemorySample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public MemorySample? Read()
    {
        try
        {
            using var process = Process.GetProcessById(_processId);
            process.Refresh();
            var status = File.ReadAllLines($"/proc/{_processId}/status");
            var anonymous = status.FirstOrDefault(line => line.StartsWith("RssAnon:", StringComparison.Ordinal)) is { } line
                ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024
                : 0;
            return new MemorySample(Stopwatch.GetElapsedTime(_origin), process.WorkingSet64, process.PrivateMemorySize64, anonymous);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException)
        {
            // The process has exited.
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (Read() is { } sample)
                {
                    lock (_samples)
                    {
                        _samples.Add(sample);
                    }
                }

                await Task.Delay(Every, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
