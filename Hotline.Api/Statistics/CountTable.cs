namespace Hotline.Api.Statistics;

/// <summary>
/// One published table: a dimension's values down, months across, with row totals and (where the rows do
/// not overlap) column totals. Every cell has a key that says what it counts, so the same figure in two
/// tables, such as a month's total of cases, is recognised as the same figure.
/// </summary>
public sealed class CountTable
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string RowHeading { get; init; }
    public required string Population { get; init; }
    public required string Dimension { get; init; }
    public required IReadOnlyList<(string Code, string Label)> Rows { get; init; }
    public required IReadOnlyList<string> Months { get; init; }

    /// <summary>(rows + 1) x (months + 1): the last row holds column totals, the last column row totals.</summary>
    public required long[,] Values { get; init; }

    /// <summary>False where a case can be in several rows (indicators): the rows of a month do not add up to its cases.</summary>
    public bool ColumnTotals { get; init; } = true;

    public string? Note { get; init; }

    /// <summary>
    /// Where the rows overlap: the row of cases in no other row ("no indicator"), so that a month's cases are this row and the
    /// union of the others (<see cref="OverlappingRowsAudit"/>); null elsewhere.
    /// </summary>
    public int? NoneRow { get; init; }

    public string KeyOf(int r, int c) =>
        Population + (r < Rows.Count ? $"|{Dimension}={Rows[r].Code}" : "") + (c < Months.Count ? $"|month={Months[c]}" : "");

    public static CountTable Build(
        string id, string title, string rowHeading, string population, string dimension, IReadOnlyList<(string Code, string Label)> rows,
        IReadOnlyList<string> months, IReadOnlyDictionary<(string Month, string Dimension, string Value), long> counts,
        bool columnTotals = true, string? note = null, string? noneRow = null)
    {
        var values = new long[rows.Count + 1, months.Count + 1];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < months.Count; c++)
            {
                var count = counts.GetValueOrDefault((months[c], dimension, rows[r].Code));
                values[r, c] = count;
                values[r, months.Count] += count;
                values[rows.Count, c] += count;
                values[rows.Count, months.Count] += count;
            }
        }

        return new CountTable
        {
            Id = id, Title = title, RowHeading = rowHeading, Population = population, Dimension = dimension, Rows = rows, Months = months,
            Values = values, ColumnTotals = columnTotals, Note = note,
            NoneRow = noneRow is null ? null : rows.Select(row => row.Code).ToList().IndexOf(noneRow),
        };
    }
}
