using Hotline.Bot.Intake.Scripts;

namespace Hotline.Api.SimCards;

/// <summary>
/// The issued-SIM registry: a person texting from a registered number is greeted in their language at
/// once. Only the keyed HMAC of each number is stored; the file's numbers are never written anywhere.
/// </summary>
public sealed class SimRegistry(Database database, AddressHasher hasher, IntakeScript script, IOptions<SimRegistryOptions> options, TimeProvider time)
{
    public const int MaxFileBytes = 25 * 1024 * 1024;

    public async Task<SimImportReport> ImportAsync(byte[] file, CancellationToken cancellationToken)
    {
        if (file.Length > MaxFileBytes)
        {
            return SimImportReport.RefusedWhole($"The file is larger than {MaxFileBytes / 1024 / 1024} MB; split it.");
        }

        var (sims, rejected, refused) = SimCsvReader.Read(file, options.Value.DefaultRegion, script);
        if (refused is not null)
        {
            return SimImportReport.RefusedWhole(refused);
        }

        var importedAt = time.GetUtcNow();
        var rows = sims.AsParallel().AsOrdered()
            .Select(sim => new { PhoneHash = hasher.Hash(sim.Phone), sim.Language, sim.IssuedOn, sim.Programme, ImportedAt = importedAt })
            .ToList();
        await using var session = await database.BeginWriteAsync(cancellationToken);
        await session.ExecuteManyAsync("IssuedSims_Upsert", rows, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return new SimImportReport(sims.Count, rejected, null);
    }

    /// <summary>The language of the SIM this number was issued with, if it is in the registry (SMS and WhatsApp only).</summary>
    public Task<string?> FindLanguageAsync(DbSession session, ChannelAddress address, CancellationToken cancellationToken) =>
        address.Channel == Channel.Chat
            ? Task.FromResult<string?>(null)
            : session.QuerySingleOrDefaultAsync<string>("IssuedSims_ReadLanguageByPhoneHash", new { PhoneHash = hasher.Hash(address) }, cancellationToken);
}
