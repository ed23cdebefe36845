namespace Hotline.Api.Tests.Faults;

/// <summary>
/// Asks <c>/health</c> every 50 ms for as long as a test's fault lasts, as a load balancer would, and
/// keeps every answer that was not 200; also tells whether the host began to stop meanwhile.
/// </summary>
public sealed class HealthWatch : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _failures = [];
    private readonly Task _watching;
    private int _checks;

    private HealthWatch(HttpClient client, IServiceProvider services)
    {
        _client = client;
        _lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        _watching = WatchAsync();
    }

    public static HealthWatch Start(HttpClient client, IServiceProvider services) => new(client, services);

    /// <summary>Stops watching; what was seen: how many checks, the answers that were not 200, and whether the host is stopping.</summary>
    public async Task<(int Checks, IReadOnlyList<string> Failures, bool HostStopping)> StopAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        return (_checks, _failures, _lifetime.ApplicationStopping.IsCancellationRequested);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var response = await _client.GetAsync("/health", _stop.Token);
                _checks++;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    _failures.Add($"{(int)response.StatusCode} after {_checks} checks");
                }

                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or ObjectDisposedException)
            {
                _failures.Add($"{ex.GetType().Name} after {_checks} checks: {ex.Message}");
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }
}
