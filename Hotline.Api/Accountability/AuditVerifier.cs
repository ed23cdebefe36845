using Hotline.Api.Storage;

namespace Hotline.Api.Accountability;

/// <summary>What a walk of the chain found: how many rows it checked and, when the chain is broken, the first row that does not verify.</summary>
public sealed record AuditVerification(long RowsChecked, long? FirstBadSequence, string? Problem)
{
    public bool Intact => FirstBadSequence is null;

    public string Describe() => Intact
        ? $"Checked {RowsChecked} audit row(s): the chain is intact."
        : $"Checked {RowsChecked} audit row(s): row {FirstBadSequence} does not verify ({Problem}).";
}

/// <summary>
/// Walks the audit chain from its first row, page by page, recomputing each MAC from the row before. An
/// edited row fails its own MAC; a deleted row leaves a gap in the sequence; rows moved to other sequence
/// numbers fail their MACs. Removing rows from the end alone leaves a shorter chain that still verifies:
/// the count it prints is what an operator compares with the last count they noted.
/// </summary>
public sealed class AuditVerifier(Database database, AuditChain chain)
{
    private const int PageSize = 1_000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var previousMac = AuditChain.GenesisMac;
        var expected = 1L;
        await using var session = await database.OpenAsync(cancellationToken);
        while (true)
        {
            var page = (await session.QueryAsync<AuditRow>("AuditEntries_ReadAfter", new { After = expected - 1, Take = PageSize }, cancellationToken)).ToList();
            foreach (var row in page)
            {
                var checkedSoFar = expected;
                if (row.Sequence != expected)
                {
                    return new AuditVerification(checkedSoFar, row.Sequence,
                        expected == row.Sequence - 1 ? $"row {expected} before it is missing" : $"rows {expected} to {row.Sequence - 1} before it are missing");
                }

                if (!string.Equals(chain.MacOf(previousMac, row), row.Mac, StringComparison.Ordinal))
                {
                    return new AuditVerification(checkedSoFar, row.Sequence, "its MAC does not match its fields and the row before it");
                }

                previousMac = row.Mac;
                expected++;
            }

            if (page.Count < PageSize)
            {
                return new AuditVerification(expected - 1, null, null);
            }
        }
    }
}
