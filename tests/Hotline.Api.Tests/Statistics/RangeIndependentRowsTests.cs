namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// A month's rows are the same whatever range of months is asked for. A month whose total is hidden shows its zeros as
/// "&lt;5", and such a zero is room for a "&lt;5" beside it to move: a row that only a later month brought in (a language
/// first heard in February, a partner referred to only in February) once decided whether January's "&lt;5" could be
/// worked out, so January alone and January to February published January differently. Such a row is not January's at
/// all: absent from January alone, blank in January of any longer range.
/// </summary>
public sealed class RangeIndependentRowsTests
{
    private const string January = "2026-01";
    private const string February = "2026-02";

    /// <summary>
    /// January: 8 cases, 4 in Arabic and 4 in English, none with an indicator (so the indicators' table shows 8). Both
    /// languages are "&lt;5" and would add up to the shown total, so the total is hidden, and the other languages' zeros
    /// show as "&lt;5". February brings Portuguese, which the intake does not speak: once a zero in January, shown as
    /// "&lt;5" in the range January to February only, it is counted only where it has cases.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_language_counted_only_in_a_later_month_leaves_the_earlier_months_figures_as_they_are(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        await CountCasesAsync(h, January, 8, ("ar", 4), ("en", 4));
        await CountCasesAsync(h, February, 6, ("pt", 6));

        var januaryAlone = await GetAsync(h.ShelterStaff, January, January);
        var januaryToFebruary = await GetAsync(h.ShelterStaff, January, February);

        Assert.Equal(FirstMonth(januaryAlone), FirstMonth(januaryToFebruary));
        Assert.Equal("<5", Cell(januaryAlone, "cases-by-language", "Arabic (ar)"));
        Assert.Equal("<5", Cell(januaryAlone, "cases-by-language", "Swahili (sw)"));
        Assert.Equal("x", januaryAlone.Tables.Single(t => t.Id == "cases-by-language").Totals!.Cells[0]);
        Assert.DoesNotContain("pt", Labels(januaryAlone)["cases-by-language"]);
        Assert.Equal("", Cell(januaryToFebruary, "cases-by-language", "pt"));
    }

    /// <summary>
    /// January: 12 referrals, 4 to each of the two active partners and 4 to a partner no longer listed; 5 sent and 7
    /// accepted. The partners' "&lt;5" would add up to the shown total, so the total is hidden; the inactive partner's zero
    /// shows as "&lt;5" beside them. February's referrals went to the inactive partner and to another partner no longer
    /// listed: once a zero in January, shown as "&lt;5" in the range January to February only, that one is counted only where
    /// it has referrals.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_partner_referred_to_only_in_a_later_month_leaves_the_earlier_months_figures_as_they_are(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var embassy = await h.CreatePartnerAsync("Embassy of Nepal", [PartnerServices.RepatriationOrEmbassy]);
        await Read<Partner>(await h.Admin.Http.PutAsJsonAsync($"/api/admin/partners/{embassy.Id}", new PartnerInput(
            embassy.Name, embassy.Services, embassy.Languages, embassy.Regions, null, null, null, false, embassy.Version), Ct));
        await JoinedInDecemberAsync(h, h.Shelter.Id, h.LegalAid.Id, embassy.Id);
        Guid closedInJanuary = new("00000000-0000-0000-0000-00000000000c"), closedInFebruary = new("00000000-0000-0000-0000-00000000000d");
        await CountReferralsAsync(h, January, [(h.Shelter.Id, 4), (h.LegalAid.Id, 4), (closedInJanuary, 4)], [("sent", 5), ("accepted", 7)]);
        await CountReferralsAsync(h, February, [(embassy.Id, 6), (closedInFebruary, 5)], [("accepted", 11)]);

        var januaryAlone = await GetAsync(h.ShelterStaff, January, January);
        var januaryToFebruary = await GetAsync(h.ShelterStaff, January, February);

        Assert.Equal(FirstMonth(januaryAlone), FirstMonth(januaryToFebruary));
        Assert.Equal(["Safe House Doha", "Migrant Legal Aid", "Embassy of Nepal", "Partner no longer listed"], Labels(januaryAlone)["referrals-by-partner"]);
        Assert.Equal("referrals-by-partner: <5 <5 <5 <5 x", FirstMonth(januaryAlone, "referrals-by-partner"));
        Assert.Equal(["<5", "<5", "<5", "<5", ""], januaryToFebruary.Tables.Single(t => t.Id == "referrals-by-partner").Rows.Select(r => r.Cells[0]));
    }

    /// <summary>The harness's partners joined the directory in December 2025, a second apart in the order given: counted in every month of 2026.</summary>
    private static async Task JoinedInDecemberAsync(ReferralHarness h, params Guid[] partners)
    {
        for (var i = 0; i < partners.Length; i++)
        {
            await h.App.ExecuteAsync($"UPDATE Partners SET CreatedAt = '2025-12-01T09:00:0{i}.000Z' WHERE Id = '{partners[i]:D}'");
        }
    }

    private static async Task<StatisticsView> GetAsync(SignedInClient client, string from, string to) =>
        await Read<StatisticsView>(await client.Http.GetAsync($"/api/statistics?from={from}&to={to}", Ct));

    /// <summary>Each table's first month as published, a line per table: the rows it counts, in order, then its total.</summary>
    private static string FirstMonth(StatisticsView view) => string.Join("\n", view.Tables.Select(t =>
        $"{t.Id}: " + string.Join(" ", t.Rows.Concat(t.Totals is null ? [] : [t.Totals]).Select(r => r.Cells[0]).Where(cell => cell != StatisticsViews.NotCounted))));

    private static string FirstMonth(StatisticsView view, string table) =>
        FirstMonth(view).Split('\n').Single(line => line.StartsWith(table + ":", StringComparison.Ordinal));

    private static Dictionary<string, List<string>> Labels(StatisticsView view) =>
        view.Tables.ToDictionary(t => t.Id, t => t.Rows.Select(r => r.Label).ToList());

    private static string Cell(StatisticsView view, string table, string label) =>
        view.Tables.Single(t => t.Id == table).Rows.Single(r => r.Label == label).Cells[0];

    /// <summary>A month's cases as the projection counts them: by language as given, all by SMS, of medium priority, open, unanswered and with no indicator.</summary>
    private static Task CountCasesAsync(ReferralHarness h, string month, long cases, params (string Language, long Count)[] languages) =>
        CountAsync(h, month,
        [
            .. languages.Select(l => (StatisticsKeys.CaseLanguage, l.Language, l.Count)),
            (StatisticsKeys.CaseChannel, "Sms", cases), (StatisticsKeys.CasePriority, "Medium", cases), (StatisticsKeys.CaseOutcome, "open", cases),
            (StatisticsKeys.CaseFirstResponse, StatisticsKeys.NotYet, cases), (StatisticsKeys.CaseIndicator, StatisticsKeys.NoIndicator, cases),
        ]);

    /// <summary>A month's referrals as the projection counts them: by partner and outcome as given, all sent 1 to 4 hours after the case opened.</summary>
    private static Task CountReferralsAsync(ReferralHarness h, string month, (Guid Partner, long Count)[] partners, (string Outcome, long Count)[] outcomes) =>
        CountAsync(h, month,
        [
            .. partners.Select(p => (StatisticsKeys.ReferralPartner, p.Partner.ToString("D"), p.Count)),
            .. outcomes.Select(o => (StatisticsKeys.ReferralOutcome, o.Outcome, o.Count)),
            (StatisticsKeys.ReferralTime, "1_to_4_h", partners.Sum(p => p.Count)),
        ]);

    private static async Task CountAsync(ReferralHarness h, string month, (string Dimension, string Value, long Count)[] counts)
    {
        await using var session = await h.App.Services.GetRequiredService<Database>().BeginWriteAsync(Ct);
        foreach (var (dimension, value, count) in counts)
        {
            await session.ExecuteAsync("StatisticsCounts_Add",
                new { Month = month, Dimension = dimension, Value = value, Count = count, TotalSeconds = 0L }, Ct);
        }

        await session.CommitAsync(Ct);
    }
}
