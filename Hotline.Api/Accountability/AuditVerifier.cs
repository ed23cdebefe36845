namespace Hotline.Api.Accountability;

/// <summary>
/// What a walk of the chain found: how many rows it checked (from the retention anchor, when old rows were
/// deleted) and, when the chain is broken, the first row that does not verify.
/// </summary>
public sealed record AuditVerification(long RowsChecked, long? FirstBadSequence, string? Problem, long AnchoredAfter = 0)
{
    public bool Intact => FirstBadSequence is null;

    public string Describe() => (Intact
        ? $"Checked {RowsChecked} audit row(s): the chain is intact."
        : $"Checked {RowsChecked} audit row(s): row {FirstBadSequence} does not verify ({Problem}).")
        + (AnchoredAfter > 0 ? $" Rows up to {AnchoredAfter} were deleted under the retention; the chain starts at its anchor." : "");
}

/// <summary>
/// Walks the audit chain from its first row, page by page, recomputing each MAC from the row before. An
/// edited row fails its own MAC; a deleted row leaves a gap in the sequence; rows moved to other sequence
/// numbers fail their MACs. Removing rows from the end alone leaves a shorter chain that still verifies:
/// the count it prints is what an operator compares with the last count they noted. Once the retention has
/// deleted the oldest rows, the walk starts from the latest anchor (<see cref="AuditRetention"/>): its own
/// MAC must verify, and the next row must chain onto the MAC it keeps.
/// </summary>
public sealed class AuditVerifier(Database database, AuditChain chain)
{
    private const int PageSize = 1_000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        var anchor = await session.QuerySingleOrDefaultAsync<AuditAnchor>("AuditAnchors_ReadLatest", null, cancellationToken);
        if (anchor is not null && !string.Equals(chain.AnchorMacOf(anchor.Sequence, anchor.Mac), anchor.AnchorMac, StringComparison.Ordinal))
        {
            return new AuditVerification(0, anchor.Sequence + 1, $"the retention anchor before it, at row {anchor.Sequence}, does not verify");
        }

        var anchoredAfter = anchor?.Sequence ?? 0;
        var previousMac = anchor?.Mac ?? AuditChain.GenesisMac;
        var expected = anchoredAfter + 1;
        while (true)
        {
            var page = (await session.QueryAsync<AuditRow>("AuditEntries_ReadAfter", new { After = expected - 1, Take = PageSize }, cancellationToken)).ToList();
            foreach (var row in page)
            {
                var checkedSoFar = expected - anchoredAfter;
                if (row.Sequence != expected)
                {
                    return new AuditVerification(checkedSoFar, row.Sequence,
                        expected == row.Sequence - 1 ? $"row {expected} before it is missing" : $"rows {expected} to {row.Sequence - 1} before it are missing",
                        anchoredAfter);
                }

                if (!string.Equals(chain.MacOf(previousMac, row), row.Mac, StringComparison.Ordinal))
                {
                    return new AuditVerification(checkedSoFar, row.Sequence, "its MAC does not match its fields and the row before it", anchoredAfter);
                }

                previousMac = row.Mac;
                expected++;
            }

            if (page.Count < PageSize)
            {
                return new AuditVerification(expected - 1 - anchoredAfter, null, null, anchoredAfter);
            }
        }
    }
}
