namespace Hotline.Benchmarks;

/// <summary>
/// Scrapes the API's <c>/metrics</c> as the Prometheus of <c>infra/</c> does: as soon as the API answers, then every
/// <see cref="Interval"/> (its <c>scrape_interval</c>) while the load runs. A deployed instance is scraped from its start,
/// so the first scrape's one-time cost falls in the warm-up with the start's other compiling, and the steady scrapes fall
/// in the measured window. Without this, the benchmark's own first read of <c>/metrics</c> came at the window's first
/// moment and held every webhook up for 100–300 ms: in two 20 s windows, 393 and 398 of the 400 posts the p99 counts.
/// </summary>
internal sealed class PrometheusScrapes : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _scraping;
    private int _answered;
    private int _unanswered;

    private PrometheusScrapes(Uri api) => _scraping = ScrapeAsync(api, _stop.Token);

    public static PrometheusScrapes Start(Uri api) => new(api);

    /// <summary>For the report, once stopped: how many scrapes the API answered, and how many it did not within the probe's time.</summary>
    public string Describe() => $"{_answered:N0} scrapes of /metrics answered, {_unanswered:N0} not (every {Interval.TotalSeconds:F0} s from the API's start, as infra's Prometheus)";

    /// <summary>Stops scraping and waits for a scrape under way; a second call finds it stopped.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _scraping;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task ScrapeAsync(Uri api, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                if (await RuntimeProbe.ReadAsync(api) is null)
                {
                    _unanswered++;
                }
                else
                {
                    _answered++;
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped with the load: nothing was left half done.
        }
    }
}
