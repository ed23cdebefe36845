namespace Hotline.Api.Partners;

public sealed class PartnerRepository
{
    public async Task<IReadOnlyList<Partner>> ReadAllAsync(DbSession session, CancellationToken cancellationToken) =>
        (await session.QueryAsync<PartnerRow>("Partners_ReadAll", null, cancellationToken)).Select(r => r.ToPartner()).ToList();

    public async Task<Partner?> FindByIdAsync(DbSession session, Guid id, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<PartnerRow>("Partners_ReadById", new { Id = id }, cancellationToken))?.ToPartner();

    public Task AddAsync(DbSession session, Partner partner, CancellationToken cancellationToken) =>
        session.ExecuteAsync("Partners_Create", Parameters(partner), cancellationToken);

    /// <summary>Writes the partner if it is still at <paramref name="expectedVersion"/>; false when someone changed it first.</summary>
    public async Task<bool> UpdateAsync(DbSession session, Partner partner, int expectedVersion, CancellationToken cancellationToken) =>
        await session.ExecuteAsync("Partners_Update", new
        {
            partner.Id,
            partner.Name,
            Services = PartnerRow.Json(partner.Services),
            Languages = PartnerRow.Json(partner.Languages),
            Regions = PartnerRow.Json(partner.Regions),
            partner.ContactName,
            partner.ContactEmail,
            partner.ContactPhone,
            Active = partner.Active ? 1 : 0,
            partner.UpdatedAt,
            ExpectedVersion = expectedVersion,
        }, cancellationToken) == 1;

    private static object Parameters(Partner partner) => new
    {
        partner.Id,
        partner.Name,
        Services = PartnerRow.Json(partner.Services),
        Languages = PartnerRow.Json(partner.Languages),
        Regions = PartnerRow.Json(partner.Regions),
        partner.ContactName,
        partner.ContactEmail,
        partner.ContactPhone,
        Active = partner.Active ? 1 : 0,
        partner.CreatedAt,
        partner.UpdatedAt,
    };
}
