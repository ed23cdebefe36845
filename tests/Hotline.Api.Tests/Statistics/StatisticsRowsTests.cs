namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// The rows of the languages' and partners' tables: in an order that nothing done later changes, each counted from the
/// month it came to exist; "not yet known" last and in every month.
/// </summary>
public sealed class StatisticsRowsTests
{
    [Fact]
    public void Languages_are_by_code_with_not_yet_known_last()
    {
        var rows = StatisticsRows.Languages(Registered(("ne", "2026-03"), ("en", "2000-01"), ("ar", "2000-01")), ["pt", "und", "en"]);

        Assert.Equal(["ar", "en", "ne", "pt", "und"], rows.Rows.Select(r => r.Code));
    }

    [Fact]
    public void A_language_is_counted_from_the_month_it_was_registered_not_yet_known_from_the_first_month_there_is_and_an_unregistered_one_from_none()
    {
        var rows = StatisticsRows.Languages(Registered(("te", "2000-01"), ("ur", "2026-03")), ["pt"]);

        Assert.Equal(["pt", "te", "ur", "und"], rows.Rows.Select(r => r.Code));
        Assert.Equal(new Dictionary<string, string> { ["te"] = "2000-01", ["ur"] = "2026-03", ["und"] = "2000-01" }, rows.CountedFrom);
    }

    [Fact]
    public void Partners_are_in_the_order_they_joined_the_directory_each_counted_from_that_month_whatever_their_names()
    {
        Partner zanzibar = Partner("Zanzibar Legal Aid", new(2026, 1, 31, 23, 59, 0, TimeSpan.Zero)), aden = Partner("Aden Shelter", new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));

        var rows = StatisticsRows.Partners([aden, zanzibar], []);

        Assert.Equal(["Zanzibar Legal Aid", "Aden Shelter"], rows.Rows.Select(r => r.Label));
        Assert.Equal("2026-01", rows.CountedFrom[zanzibar.Id.ToString("D")]);
        Assert.Equal("2026-02", rows.CountedFrom[aden.Id.ToString("D")]);
    }

    [Fact]
    public void A_renamed_partner_keeps_its_place()
    {
        Partner first = Partner("Safe House Doha", new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero)), second = Partner("Migrant Legal Aid", new(2026, 1, 6, 0, 0, 0, TimeSpan.Zero));

        var before = StatisticsRows.Partners([first, second], []);
        var after = StatisticsRows.Partners([first with { Name = "Zanzibar Safe House" }, second], []);

        Assert.Equal(before.Rows.Select(r => r.Code), after.Rows.Select(r => r.Code));
        Assert.Equal(["Zanzibar Safe House", "Migrant Legal Aid"], after.Rows.Select(r => r.Label));
    }

    [Fact]
    public void A_partner_counted_but_no_longer_listed_comes_after_the_directory_and_is_counted_from_no_month()
    {
        var listed = Partner("Safe House Doha", new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));
        var unlisted = "00000000-0000-0000-0000-00000000000c";

        var rows = StatisticsRows.Partners([listed], [unlisted, listed.Id.ToString("D")]);

        Assert.Equal(["Safe House Doha", "Partner no longer listed"], rows.Rows.Select(r => r.Label));
        Assert.False(rows.CountedFrom.ContainsKey(unlisted));
    }

    /// <summary>
    /// A partner added in February is no part of January: 0 there, but not a zero of the month (never "&lt;5", and blank). A
    /// partner no longer listed has no first month: it is part of a month only where it holds a count, which a reader who
    /// sees that then knows is not 0.
    /// </summary>
    [Fact]
    public void A_dated_row_is_part_of_a_month_from_its_first_month_on_and_before_it_only_where_it_holds_a_count()
    {
        Partner early = Partner("Safe House Doha", new(2025, 12, 5, 0, 0, 0, TimeSpan.Zero)), added = Partner("Aden Shelter", new(2026, 2, 3, 0, 0, 0, TimeSpan.Zero));
        var unlisted = "00000000-0000-0000-0000-00000000000c";
        var rows = StatisticsRows.Partners([early, added], [unlisted]);
        var counts = new Dictionary<(string, string, string), long> { [("2026-01", "partner", unlisted)] = 2, [("2026-02", "partner", added.Id.ToString("D"))] = 3 };

        var table = CountTable.Build("partners", "Partners", "Partner", "referrals", "partner", rows.Rows, ["2026-01", "2026-02"], counts, countedFrom: rows.CountedFrom);

        string January(int r) => table.KnownNotZero(r, 0) ? "not 0" : table.Counted(r, 0) ? "counted" : "no part";
        string February(int r) => table.KnownNotZero(r, 1) ? "not 0" : table.Counted(r, 1) ? "counted" : "no part";
        Assert.Equal(["counted counted", "no part counted", "not 0 no part"], Enumerable.Range(0, 3).Select(r => $"{January(r)} {February(r)}"));
    }

    private static Dictionary<string, string> Registered(params (string Language, string From)[] languages) =>
        languages.ToDictionary(l => l.Language, l => l.From, StringComparer.Ordinal);

    private static Partner Partner(string name, DateTimeOffset createdAt) => new()
    {
        Id = Guid.NewGuid(), Name = name, Services = [PartnerServices.Shelter], Active = true, CreatedAt = createdAt, UpdatedAt = createdAt, Version = 1,
    };
}
