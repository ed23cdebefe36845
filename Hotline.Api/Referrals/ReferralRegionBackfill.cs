namespace Hotline.Api.Referrals;

/// <summary>
/// Finishes migration 0018: a consent recorded before it kept its region (a camp, a street, a town) in the clear in
/// <c>Referrals.Region</c>, where it stayed until the case's content went, readable in the database file and its backups.
/// Each such region is sealed into <c>RegionCipher</c>, as a consent writes it now, and the clear copy removed. Runs at every
/// start right after the migrations and before the host serves; every row commits together, so an interrupted run leaves
/// nothing half sealed and the next start does it again. Usually there is nothing to do.
/// </summary>
public sealed class ReferralRegionBackfill(Database database, ReferralRepository referrals, ILogger<ReferralRegionBackfill> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        List<ClearRegion> clear;
        await using (var reader = await database.OpenAsync(cancellationToken))
        {
            clear = [.. await reader.QueryAsync<ClearRegion>("Referrals_ReadClearRegions", null, cancellationToken)];
        }

        if (clear.Count == 0)
        {
            return;
        }

        await using var session = await database.BeginWriteAsync(cancellationToken);
        foreach (var row in clear)
        {
            await session.ExecuteAsync("Referrals_SealRegion",
                new { row.Id, RegionCipher = referrals.Protect(row.Region, ProtectedColumns.ReferralRegion, row.Id) }, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        logger.LogInformation("Sealed the region of {Count} referral(s) recorded before it was encrypted.", clear.Count);
    }

    private sealed record ClearRegion
    {
        public Guid Id { get; init; }
        public string Region { get; init; } = "";
    }
}
