namespace Hotline.Api.Tests.Statistics;

public sealed class SmallCountSuppressionTests
{
    /// <summary>A table with both margins filled in from its inner counts.</summary>
    internal static long[,] WithTotals(long[,] inner)
    {
        int rows = inner.GetLength(0), columns = inner.GetLength(1);
        var grid = new long[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                grid[r, c] = inner[r, c];
                grid[r, columns] += inner[r, c];
                grid[rows, c] += inner[r, c];
                grid[rows, columns] += inner[r, c];
            }
        }

        return grid;
    }

    private static string[,] Show(long[,] grid, CellMark[,] marks)
    {
        var shown = new string[grid.GetLength(0), grid.GetLength(1)];
        for (var r = 0; r < grid.GetLength(0); r++)
        {
            for (var c = 0; c < grid.GetLength(1); c++)
            {
                shown[r, c] = SmallCountSuppression.Display(grid[r, c], marks[r, c]);
            }
        }

        return shown;
    }

    [Fact]
    public void Counts_from_1_to_4_show_as_less_than_5_and_0_and_5_show_as_they_are()
    {
        var grid = WithTotals(new long[,] { { 0, 1, 4, 5 }, { 20, 30, 40, 50 } });

        var shown = Show(grid, SmallCountSuppression.Apply(grid, rowTotals: true, columnTotals: true));

        Assert.Equal(("0", "<5", "<5", "5"), (shown[0, 0], shown[0, 1], shown[0, 2], shown[0, 3]));
    }

    [Fact]
    public void A_small_count_alone_in_its_row_and_column_hides_the_next_smallest_count_in_each()
    {
        // Row 0 has one small count (3); the next smallest in its row is 8, in its column 9.
        var grid = WithTotals(new long[,] { { 3, 8, 40 }, { 9, 50, 60 }, { 70, 80, 90 } });

        var marks = SmallCountSuppression.Apply(grid, rowTotals: true, columnTotals: true);

        Assert.Equal(CellMark.Small, marks[0, 0]);
        Assert.Equal(CellMark.Hidden, marks[0, 1]);
        Assert.Equal(CellMark.Hidden, marks[1, 0]);
        Assert.Equal(CellMark.Shown, marks[0, 2]);
        Assert.Equal("x", SmallCountSuppression.Display(grid[0, 1], marks[0, 1]));
    }

    [Fact]
    public void No_hidden_count_is_ever_alone_in_its_row_or_its_column()
    {
        var random = new Random(17);
        for (var round = 0; round < 300; round++)
        {
            var inner = new long[random.Next(1, 7), random.Next(1, 9)];
            for (var r = 0; r < inner.GetLength(0); r++)
            {
                for (var c = 0; c < inner.GetLength(1); c++)
                {
                    inner[r, c] = random.Next(4) == 0 ? random.Next(0, 5) : random.Next(0, 60);
                }
            }

            var grid = WithTotals(inner);
            var marks = SmallCountSuppression.Apply(grid, rowTotals: true, columnTotals: true);

            for (var r = 0; r < grid.GetLength(0); r++)
            {
                var hidden = Enumerable.Range(0, grid.GetLength(1)).Count(c => marks[r, c] != CellMark.Shown);
                Assert.True(hidden != 1, $"round {round}: row {r} has one hidden count");
            }

            for (var c = 0; c < grid.GetLength(1); c++)
            {
                var hidden = Enumerable.Range(0, grid.GetLength(0)).Count(r => marks[r, c] != CellMark.Shown);
                Assert.True(hidden != 1, $"round {round}: column {c} has one hidden count");
            }
        }
    }

    [Fact]
    public void A_small_column_total_is_hidden_and_protected_along_the_row_of_totals()
    {
        // Column 1 holds 1 + 2 = 3 cases: its total is small, so the totals row needs a second hidden figure.
        var grid = WithTotals(new long[,] { { 30, 1, 40 }, { 25, 2, 35 } });

        var marks = SmallCountSuppression.Apply(grid, rowTotals: true, columnTotals: true);

        Assert.Equal(CellMark.Small, marks[2, 1]);
        Assert.Equal(2, Enumerable.Range(0, 4).Count(c => marks[2, c] != CellMark.Shown));
        Assert.Equal(CellMark.Hidden, marks[2, 0]);
    }

    [Fact]
    public void A_small_count_the_totals_would_pin_down_is_protected_by_one_more_hidden_count()
    {
        // Row: 1 and 5 with total 6. Hiding only the 5 ("x", so at least 5) would leave the "<5" exactly 1.
        var grid = WithTotals(new long[,] { { 1, 5, 50 }, { 60, 70, 80 } });

        var marks = SmallCountSuppression.Apply(grid, rowTotals: true, columnTotals: true);

        Assert.True(Enumerable.Range(0, 4).Count(c => marks[0, c] != CellMark.Shown) >= 3,
            "the first row needs a third hidden figure so that the 1 cannot be worked out");
    }

    [Fact]
    public void Two_small_counts_summing_to_2_are_not_left_to_be_worked_out_as_1_and_1()
    {
        var grid = WithTotals(new long[,] { { 1, 1, 50, 40 }, { 60, 70, 80, 90 } });

        var marks = SmallCountSuppression.Apply(grid, rowTotals: true, columnTotals: true);

        Assert.True(Enumerable.Range(0, 5).Count(c => marks[0, c] != CellMark.Shown) >= 3);
    }

    [Fact]
    public void Without_column_totals_only_the_rows_need_complementary_suppression()
    {
        var grid = WithTotals(new long[,] { { 2, 30, 40 }, { 50, 60, 70 } });

        var marks = SmallCountSuppression.Apply(grid, rowTotals: true, columnTotals: false);

        Assert.Equal(CellMark.Hidden, marks[0, 1]);
        Assert.Equal(CellMark.Shown, marks[1, 0]);
    }

    [Fact]
    public void A_figure_two_tables_share_is_hidden_in_both_or_in_neither()
    {
        // The same months and month totals (40, 3 + 1, 38): the small month must be hidden alike in both tables,
        // and so must whichever month total protects it.
        var months = new[] { "2026-01", "2026-02", "2026-03" };
        var counts = new Dictionary<(string, string, string), long>
        {
            [("2026-01", "a", "x")] = 20, [("2026-02", "a", "x")] = 3, [("2026-03", "a", "x")] = 30,
            [("2026-01", "a", "y")] = 20, [("2026-02", "a", "y")] = 1, [("2026-03", "a", "y")] = 8,
            [("2026-01", "b", "p")] = 39, [("2026-02", "b", "p")] = 2, [("2026-03", "b", "p")] = 37,
            [("2026-01", "b", "q")] = 1, [("2026-02", "b", "q")] = 2, [("2026-03", "b", "q")] = 1,
        };
        var first = CountTable.Build("first", "First", "A", "cases", "a", [("x", "x"), ("y", "y")], months, counts);
        var second = CountTable.Build("second", "Second", "B", "cases", "b", [("p", "p"), ("q", "q")], months, counts);

        var marks = ConsistentSuppression.Apply([first, second]);

        for (var c = 0; c <= months.Length; c++)
        {
            Assert.Equal(first.KeyOf(2, c), second.KeyOf(2, c));
            Assert.Equal(marks[0][2, c] == CellMark.Shown, marks[1][2, c] == CellMark.Shown);
        }

        Assert.NotEqual(CellMark.Shown, marks[0][2, 1]);
    }

    [Fact]
    public void A_total_over_months_is_shown_only_when_every_month_it_adds_up_is_shown()
    {
        // January: a's 3 is "<5" and c's 6, the next smallest, "x"; February shows every count. So a's and c's totals
        // are hidden whatever their size, while b's and the grand total add up shown figures only.
        var months = new[] { "2026-01", "2026-02" };
        var counts = new Dictionary<(string, string, string), long>
        {
            [("2026-01", "d", "a")] = 3, [("2026-02", "d", "a")] = 30,
            [("2026-01", "d", "b")] = 20, [("2026-02", "d", "b")] = 40,
            [("2026-01", "d", "c")] = 6,
        };
        var table = CountTable.Build("t", "T", "D", "cases", "d", [("a", "a"), ("b", "b"), ("c", "c"), ("e", "e")], months, counts);

        var view = StatisticsViews.ToView(table, ConsistentSuppression.Apply([table])[0], FinalMonths.Headings);

        Assert.Equal(["<5", "30", "x"], view.Rows[0].Cells);
        Assert.Equal(["20", "40", "60"], view.Rows[1].Cells);
        Assert.Equal(["x", "0", "x"], view.Rows[2].Cells);
        Assert.Equal(["0", "0", "0"], view.Rows[3].Cells);
        Assert.Equal(["29", "70", "99"], view.Totals!.Cells);
    }

    /// <summary>
    /// Found by <see cref="SuppressionPropertyTests"/> (seed 8Xl4ikgTkjK3). The grand total 21 and the row total 10 fix
    /// the two hidden row totals to 5 and 6; the 6 is a hidden 5 or more plus a "&lt;5", so the "&lt;5" is 1. Every line
    /// through that 1 had nothing shown left to hide, and the table used to be published as it was.
    /// </summary>
    [Fact]
    public void A_small_count_pinned_through_other_lines_is_protected_by_hiding_in_the_lines_that_pin_it()
    {
        var grid = WithTotals(new long[,] { { 3, 2 }, { 5, 1 }, { 3, 7 } });

        var marks = SmallCountSuppression.Apply(grid, rowTotals: true, columnTotals: true);

        Assert.Empty(Audit.Exposed(grid, marks, new SmallCountSuppression.Grid(grid, true, true)));
    }
}
