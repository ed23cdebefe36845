using CsvHelper;
using CsvHelper.Configuration;

namespace Hotline.Api.Statistics;

/// <summary>The published tables as CSV: the same display strings as the page, cell for cell, so an export can never show more.</summary>
public static class StatisticsCsv
{
    // Partner names are free text and NGOs open this file in spreadsheets: a name such as "=HYPERLINK(...)"
    // must arrive as text, never as a formula, so a field that starts like one is escaped with a leading quote.
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    public static string Write(IEnumerable<StatisticsTableView> tables, bool withTitles)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, Configuration))
        {
            var first = true;
            foreach (var table in tables)
            {
                if (withTitles)
                {
                    if (!first)
                    {
                        csv.NextRecord();
                    }

                    csv.WriteField(table.Title);
                    csv.NextRecord();
                }

                first = false;
                WriteRow(csv, table.RowHeading, table.Columns);
                foreach (var row in table.Rows.Concat(table.Totals is null ? [] : [table.Totals]))
                {
                    WriteRow(csv, row.Label, row.Cells);
                }
            }
        }

        return text.ToString();
    }

    private static void WriteRow(CsvWriter csv, string first, IEnumerable<string> rest)
    {
        csv.WriteField(first);
        foreach (var field in rest)
        {
            csv.WriteField(field);
        }

        csv.NextRecord();
    }
}
