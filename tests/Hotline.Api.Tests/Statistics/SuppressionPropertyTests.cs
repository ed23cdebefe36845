namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// Small-count suppression against an attacker who shares none of its code: on small random tables, the
/// attacker tries every set of counts the published table allows and looks for a count from 1 to 4 that
/// only one of them gives. CsCheck shrinks a leaking table to its smallest form and prints the seed that
/// replays it (<c>CsCheck_Seed</c>).
/// </summary>
public sealed class SuppressionPropertyTests
{
    /// <summary>What a reader knows of a hidden count ("x") beyond the sums: it is a count that would have been shown, so 5 or more.</summary>
    private const int SmallestHidden = 5;

    /// <summary>Inner tables of 1 to 3 rows and 1 to 3 months, mostly small counts, as a rare language's statistics are.</summary>
    private static readonly Gen<long[,]> Inner =
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 3]).SelectMany((rows, columns) =>
            Gen.Frequency((3, Gen.Int[0, 4]), (2, Gen.Int[5, 9]), (1, Gen.Int[10, 20])).Array[rows * columns]
                .Select(cells => Grid(rows, columns, cells)));

    /// <summary>
    /// The attacker's search grows with the product of each hidden cell's possible counts: a table with most of its
    /// cells and totals hidden had it run for more than five minutes (a test run's hang limit). Such tables are left
    /// out rather than searched in part, which could miss a pinned count.
    /// </summary>
    private const double MostAssignments = 20_000_000;

    [Fact]
    public void No_published_table_lets_a_reader_pin_a_count_from_1_to_4()
    {
        int tables = 0, leftOut = 0;
        Gen.Select(Inner, Gen.Bool).Sample((inner, columnTotals) =>
        {
            Interlocked.Increment(ref tables);
            var values = SmallCountSuppressionTests.WithTotals(inner);
            var marks = SmallCountSuppression.Apply(values, rowTotals: true, columnTotals);
            if (Assignments(values, marks, columnTotals) > MostAssignments)
            {
                Interlocked.Increment(ref leftOut);
                return;
            }

            foreach (var (r, c, value) in Pinned(values, marks, columnTotals))
            {
                Assert.Fail($"The count {value} at row {r}, column {c} can be worked out from what is published.");
            }
        }, print: t => Show(SmallCountSuppressionTests.WithTotals(t.Item1), t.Item2));

        // Leaving tables out must not empty the property: about one table in a hundred is too large to search.
        Assert.True(leftOut * 10 <= tables, $"{leftOut} of {tables} tables were too large to search.");
    }

    /// <summary>
    /// Found by the property with seed dRrOH7qjdG74 when the audit went line by line: row 2 gives r2c1 + r2c2 = 12,
    /// the column totals give c1 + c2 = 15 with c2 = r2c2, so the "&lt;5" at row 0, column 1 was 15 - 12 = 3.
    /// </summary>
    [Fact]
    public void A_hidden_count_pinned_through_two_lines_and_a_total_is_not_published()
    {
        var values = SmallCountSuppressionTests.WithTotals(Grid(3, 3, [5, 3, 0, 4, 0, 0, 17, 10, 2]));
        var marks = SmallCountSuppression.Apply(values, rowTotals: true, columnTotals: true);

        Assert.Empty(Pinned(values, marks, columnTotals: true));
    }

    /// <summary>
    /// The attacker: every assignment of the inner counts that matches what is published (a shown figure
    /// exactly, "&lt;5" as 1 to 4, "x" as 5 or more, up to the smallest shown total of its lines), and every
    /// published cell whose true count is 1 to 4 and which takes that one value in all of them.
    /// </summary>
    private static IEnumerable<(int R, int C, long Value)> Pinned(long[,] values, CellMark[,] marks, bool columnTotals)
    {
        int rows = values.GetLength(0) - 1, columns = values.GetLength(1) - 1;
        var cap = Cap(values);
        var seen = new HashSet<long>[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                seen[r, c] = [];
            }
        }

        var guess = new long[rows + 1, columns + 1];
        Search(0);
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                if ((r < rows || columnTotals) && values[r, c] is >= 1 and <= 4 && seen[r, c].Count == 1)
                {
                    yield return (r, c, values[r, c]);
                }
            }
        }

        bool RowFits(int row)
        {
            long sum = 0;
            for (var c = 0; c < columns; c++)
            {
                sum += guess[row, c];
            }

            return Fits(sum, values[row, columns], marks[row, columns]);
        }

        void Search(int index)
        {
            if (index == rows * columns)
            {
                if (Consistent(guess, values, marks, columnTotals))
                {
                    for (var r = 0; r <= rows; r++)
                    {
                        for (var c = 0; c <= columns; c++)
                        {
                            seen[r, c].Add(guess[r, c]);
                        }
                    }
                }

                return;
            }

            int row = index / columns, column = index % columns;
            var limit = Limit(values, marks, row, column, cap, columnTotals);
            foreach (var candidate in Candidates(values[row, column], marks[row, column], limit))
            {
                guess[row, column] = candidate;
                if (column < columns - 1 || RowFits(row))
                {
                    Search(index + 1);
                }
            }
        }
    }

    /// <summary>How many assignments of the inner counts the attacker would try at most (before its pruning by rows).</summary>
    private static double Assignments(long[,] values, CellMark[,] marks, bool columnTotals)
    {
        int rows = values.GetLength(0) - 1, columns = values.GetLength(1) - 1;
        var cap = Cap(values);
        var product = 1.0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                product *= Math.Max(1, Candidates(values[r, c], marks[r, c], Limit(values, marks, r, c, cap, columnTotals)).Count());
            }
        }

        return product;
    }

    /// <summary>Another table that fits differs from the true one by moves of a few counts around its rows and columns.</summary>
    private static long Cap(long[,] values) => values.Cast<long>().Max() + 2 * SmallestHidden;

    /// <summary>The most an inner cell can hold: its row's total, its column's and the grand total where shown.</summary>
    private static long Limit(long[,] values, CellMark[,] marks, int row, int column, long cap, bool columnTotals)
    {
        int rows = values.GetLength(0) - 1, columns = values.GetLength(1) - 1;
        return Math.Min(ShownOr(values, marks, row, columns, cap),
            columnTotals ? Math.Min(ShownOr(values, marks, rows, column, cap), ShownOr(values, marks, rows, columns, cap)) : cap);
    }

    private static long ShownOr(long[,] values, CellMark[,] marks, int r, int c, long otherwise) =>
        marks[r, c] == CellMark.Shown ? values[r, c] : otherwise;

    private static IEnumerable<long> Candidates(long value, CellMark mark, long cap) => mark switch
    {
        CellMark.Shown => [value],
        CellMark.Small => [1, 2, 3, 4],
        _ => Enumerable.Range(SmallestHidden, (int)Math.Max(0, cap - SmallestHidden + 1)).Select(v => (long)v),
    };

    /// <summary>Fills the guess's totals from its inner counts and checks each published total against its mark.</summary>
    private static bool Consistent(long[,] guess, long[,] values, CellMark[,] marks, bool columnTotals)
    {
        int rows = values.GetLength(0) - 1, columns = values.GetLength(1) - 1;
        for (var r = 0; r <= rows; r++)
        {
            guess[r, columns] = 0;
        }

        for (var c = 0; c < columns; c++)
        {
            guess[rows, c] = 0;
        }

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                guess[r, columns] += guess[r, c];
                guess[rows, c] += guess[r, c];
                guess[rows, columns] += guess[r, c];
            }
        }

        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                var isTotal = r == rows || c == columns;
                var published = r < rows || columnTotals;
                if (isTotal && published && !Fits(guess[r, c], values[r, c], marks[r, c]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether a guessed count agrees with what is published for it.</summary>
    private static bool Fits(long guess, long value, CellMark mark) => mark switch
    {
        CellMark.Shown => guess == value,
        CellMark.Small => guess is >= 1 and <= 4,
        _ => guess >= SmallestHidden,
    };

    private static long[,] Grid(int rows, int columns, int[] cells)
    {
        var inner = new long[rows, columns];
        for (var i = 0; i < cells.Length; i++)
        {
            inner[i / columns, i % columns] = cells[i];
        }

        return inner;
    }

    private static string Show(long[,] values, bool columnTotals)
    {
        var marks = SmallCountSuppression.Apply(values, rowTotals: true, columnTotals);
        var lines = Enumerable.Range(0, values.GetLength(0) - (columnTotals ? 0 : 1)).Select(r => string.Join(" ",
            Enumerable.Range(0, values.GetLength(1)).Select(c => $"{values[r, c]}:{SmallCountSuppression.Display(values[r, c], marks[r, c])}")));
        return $"columnTotals={columnTotals}\n" + string.Join("\n", lines);
    }
}
