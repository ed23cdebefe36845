using Hotline.Api.Storage;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Retention;

/// <summary>Deletes the protocol records older than the retention allows, in one transaction.</summary>
public sealed class RetentionSweep(Database database, IOptions<RetentionOptions> options, TimeProvider time)
{
    public sealed record Swept(int ChatActivities, int EarlyDeliveryStatuses);

    public Task<Swept> SweepAsync(CancellationToken cancellationToken)
    {
        var before = new { Before = time.GetUtcNow().AddHours(-options.Value.ProtocolRecordHours) };
        return database.WriteAsync(async (session, token) => new Swept(
            await session.ExecuteAsync("ChatActivities_DeleteReceivedBefore", before, token),
            await session.ExecuteAsync("EarlyDeliveryStatuses_DeleteReceivedBefore", before, token)), cancellationToken);
    }
}
