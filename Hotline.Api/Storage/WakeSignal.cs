namespace Hotline.Api.Storage;

/// <summary>
/// Wakes a background loop on this instance when a commit gave it work, so the work does not wait for
/// the next poll. Losing a wake-up is harmless: the loop also polls, and the database is the truth.
/// </summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another caller woke it between the check and the release: it wakes either way.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
