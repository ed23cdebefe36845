namespace Hotline.Api.Statistics;

/// <summary>One month of a published table: its rows and, last, its total, with the marks being decided for them.</summary>
internal sealed record MonthColumn(CountTable Table, int Column, CellMark[,] Marks)
{
    public int TotalRow => Table.Rows.Count;

    public IEnumerable<int> Rows => Enumerable.Range(0, Table.Rows.Count);

    public long Value(int r) => Table.Values[r, Column];

    public CellMark Mark(int r) => Marks[r, Column];

    public bool KnownNotZero(int r) => Table.KnownNotZero(r, Column);

    public bool Withheld => Mark(TotalRow) == CellMark.Withheld;
}
