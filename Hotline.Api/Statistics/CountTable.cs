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

    /// <summary>
    /// Where rows come and go over time (languages, partners): the first month each row is counted in, null for a row with
    /// none (<see cref="DatedRows"/>). Null where every row is counted in every month.
    /// </summary>
    public IReadOnlyList<string?>? RowsFrom { get; init; }

    /// <summary>
    /// Whether row <paramref name="r"/> is part of month <paramref name="c"/>: from its first month on, and before it only
    /// where it holds a count. A row not counted in a month is 0 there and known to be: it is left out of the month's
    /// suppression (its zero is never "&lt;5") and published blank.
    /// </summary>
    public bool Counted(int r, int c) => r == Rows.Count || Started(r, c) || Values[r, c] != 0;

    /// <summary>
    /// A count of a row before the row's first month (a case's language corrected to one the intake began to speak later):
    /// a reader who sees the row counted only there knows that it is not 0.
    /// </summary>
    public bool KnownNotZero(int r, int c) => r < Rows.Count && !Started(r, c) && Values[r, c] != 0;

    public string KeyOf(int r, int c) =>
        Population + (r < Rows.Count ? $"|{Dimension}={Rows[r].Code}" : "") + (c < Months.Count ? $"|month={Months[c]}" : "");

    public static CountTable Build(
        string id, string title, string rowHeading, string population, string dimension, IReadOnlyList<(string Code, string Label)> rows,
        IReadOnlyList<string> months, IReadOnlyDictionary<(string Month, string Dimension, string Value), long> counts,
        bool columnTotals = true, string? note = null, string? noneRow = null, IReadOnlyDictionary<string, string>? countedFrom = null)
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
            RowsFrom = countedFrom is null ? null : rows.Select(row => countedFrom.GetValueOrDefault(row.Code)).ToList(),
        };
    }

    private bool Started(int r, int c) =>
        RowsFrom is null || (RowsFrom[r] is { } from && string.CompareOrdinal(Months[c], from) >= 0);
}
