namespace Hotline.Api.Availability;

/// <summary>What the engine is told with a message that arrived at an instant: the teams' hours then and the measured waits.</summary>
public sealed class ServiceAvailabilitySource(TeamHours hours, MeasuredWaits waits)
{
    public async Task<ServiceAvailability> AtAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        hours.At(receivedAt, await waits.CurrentAsync(cancellationToken));
}
