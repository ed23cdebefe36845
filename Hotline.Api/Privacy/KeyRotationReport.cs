namespace Hotline.Api.Privacy;

/// <summary>What <c>keys rotate</c> did to one column: values sealed again under the current key, values the hotline
/// itself changed between the read and the write (left as the hotline wrote them), and values that did not decrypt.</summary>
public sealed record ColumnRotation(string Column, long Rewritten, long ChangedMeanwhile, long Unreadable);

/// <summary>One batch done, for the operator watching a long run.</summary>
public sealed record RotationBatch(string Table, int RowsRead, long RewrittenInTable);

public sealed record KeyRotationReport(string KeyId, IReadOnlyList<ColumnRotation> Columns)
{
    public long Rewritten => Columns.Sum(c => c.Rewritten);

    public long ChangedMeanwhile => Columns.Sum(c => c.ChangedMeanwhile);

    public long Unreadable => Columns.Sum(c => c.Unreadable);

    /// <summary>Counts only, for the audit row: no value, id or text.</summary>
    public string Totals => $"rewritten {Rewritten}; changed meanwhile {ChangedMeanwhile}; unreadable {Unreadable}";
}

/// <summary>The counts of a run in progress, column by column in the order the run meets them.</summary>
internal sealed class RotationTally(IEnumerable<ProtectedColumn> columns)
{
    private readonly Dictionary<ProtectedColumn, long[]> _counts = columns.ToDictionary(c => c, _ => new long[3]);

    public void Rewritten(ProtectedColumn column) => _counts[column][0]++;

    public void ChangedMeanwhile(ProtectedColumn column) => _counts[column][1]++;

    public void Unreadable(ProtectedColumn column) => _counts[column][2]++;

    public long RewrittenIn(string table) => _counts.Where(c => c.Key.Table == table).Sum(c => c.Value[0]);

    public KeyRotationReport Report(string keyId) =>
        new(keyId, [.. _counts.Select(c => new ColumnRotation(c.Key.ToString(), c.Value[0], c.Value[1], c.Value[2]))]);
}
