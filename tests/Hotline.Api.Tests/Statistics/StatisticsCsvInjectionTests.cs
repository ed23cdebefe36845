using CsvHelper;

namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// Partner names are free text, and NGOs open the statistics CSV in spreadsheets: a name that starts like a
/// formula must arrive as text, escaped with a leading quote, never as a formula the spreadsheet runs.
/// </summary>
public sealed class StatisticsCsvInjectionTests
{
    [Fact]
    public async Task A_partner_name_that_starts_like_a_formula_is_escaped_in_the_csv()
    {
        await using var h = await StartAsync();
        foreach (var name in new[] { "=HYPERLINK(\"http://evil.example\",\"click\")", "+1", "-2", "@x" })
        {
            await h.CreatePartnerAsync(name, [PartnerServices.Shelter]);
        }

        var response = await h.Admin.Http.GetAsync("/api/statistics/csv?table=referrals-by-partner", Ct);
        var csv = await response.Content.ReadAsStringAsync(Ct);
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var labels = new List<string>();
        while (reader.Read())
        {
            labels.Add(reader.GetField(0)!);
        }

        Assert.Equal(["Partner", "Safe House Doha", "Migrant Legal Aid", "'=HYPERLINK(\"http://evil.example\",\"click\")", "'+1", "'-2", "'@x", "Total"], labels);
        Assert.Contains("\r\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",", csv, StringComparison.Ordinal);
    }
}
