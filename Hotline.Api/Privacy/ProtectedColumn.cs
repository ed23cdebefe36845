namespace Hotline.Api.Privacy;

/// <summary>
/// A column that holds encrypted personal data. <see cref="Table"/> and <see cref="Name"/> go into each value's
/// associated data (they were the whole of it in the unbound <c>hl1</c> form); <see cref="StoredColumn"/> is its name in SQL.
/// </summary>
public sealed record ProtectedColumn(string Table, string Name, string StoredColumn)
{
    /// <summary>The place of one value: this column in the row with <paramref name="rowId"/>.</summary>
    public ProtectedCell At(Guid rowId) => new(this, rowId.ToString("D"));

    public override string ToString() => $"{Table}.{Name}";
}

/// <summary>Where one encrypted value lives: its column and its row's id. A value only decrypts in its own cell.</summary>
public readonly record struct ProtectedCell(ProtectedColumn Column, string RowId)
{
    public override string ToString() => $"{Column} of row {RowId}";
}
