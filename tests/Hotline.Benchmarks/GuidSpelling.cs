using Dapper;

namespace Hotline.Benchmarks;

/// <summary>
/// How the app's own statements spell a Guid once stored. Rows seeded around the app must spell their keys
/// the same way, or the foreign keys the app writes later (Cases.AssigneeId, CaseEvents.CaseId) miss them.
/// </summary>
internal sealed record GuidSpelling(bool UpperCase)
{
    public string Spell(Guid id) => UpperCase ? id.ToString("D").ToUpperInvariant() : id.ToString("D");

    public override string ToString() => UpperCase ? "upper-case" : "lower-case";

    /// <summary>Asks rather than assumes: the spelling comes from Dapper and Microsoft.Data.Sqlite, not from our code alone.</summary>
    public static async Task<GuidSpelling> OfAppAsync(Database database)
    {
        var sample = Guid.NewGuid();
        await using var session = await database.OpenAsync(CancellationToken.None);
        var stored = await session.Connection.ExecuteScalarAsync<string>("SELECT @Id", new { Id = sample });
        return stored == sample.ToString("D") ? new GuidSpelling(false)
            : stored == sample.ToString("D").ToUpperInvariant() ? new GuidSpelling(true)
            : throw new InvalidOperationException($"The app stores Guid {sample} as '{stored}'; the seeder cannot match it.");
    }
}
