namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// Which languages the statistics count cases in, and from which month: recorded at each start from the intake script, so
/// that a language the intake begins to speak later is a row from then on, never a zero in the months already published.
/// </summary>
public sealed class StatisticsLanguagesTests
{
    private const string FirstMonthThereIs = "2000-01";

    [Theory, DatabaseData]
    public async Task A_fresh_start_counts_every_language_the_intake_speaks_from_the_first_month_there_is(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);

        var recorded = await ReadAsync(hotline);

        Assert.Equal(hotline.Get<IntakeScript>().Languages.Select(l => l.Tag).Order(StringComparer.Ordinal), recorded.Keys.Order(StringComparer.Ordinal));
        Assert.All(recorded.Values, from => Assert.Equal(FirstMonthThereIs, from));
    }

    [Theory, DatabaseData]
    public async Task A_language_the_intake_begins_to_speak_later_is_counted_from_that_month_and_stays_so(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var spoken = hotline.Get<IntakeScript>().Languages.Select(l => l.Tag).ToList();

        await hotline.Get<StatisticsLanguages>().RegisterAsync([.. spoken, "pt"], Ct);
        hotline.Time.Advance(TimeSpan.FromDays(60));
        await hotline.Get<StatisticsLanguages>().RegisterAsync([.. spoken, "pt"], Ct);

        var recorded = await ReadAsync(hotline);
        Assert.Equal("2026-11", recorded["pt"]);
        Assert.Equal(FirstMonthThereIs, recorded["ne"]);
    }

    /// <summary>Before languages were recorded, every language ever counted was a row of every month: it stays one.</summary>
    [Theory, DatabaseData]
    public async Task The_first_record_counts_a_language_already_counted_from_the_first_month_there_is(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await hotline.ExecuteAsync("DELETE FROM StatisticsLanguages");
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            await session.ExecuteAsync("StatisticsCounts_Add",
                new { Month = "2026-02", Dimension = StatisticsKeys.CaseLanguage, Value = "pt", Count = 3L, TotalSeconds = 0L }, Ct);
            await session.CommitAsync(Ct);
        }

        await hotline.Get<StatisticsLanguages>().RegisterAsync(["en", "ne"], Ct);

        Assert.Equal(
            new Dictionary<string, string> { ["en"] = FirstMonthThereIs, ["ne"] = FirstMonthThereIs, ["pt"] = FirstMonthThereIs },
            await ReadAsync(hotline));
    }

    [Theory, DatabaseData]
    public async Task A_database_that_never_recorded_a_language_reads_none(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await hotline.ExecuteAsync("DELETE FROM StatisticsLanguages");

        Assert.Empty(await ReadAsync(hotline));
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadAsync(HotlineApp hotline)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        return await hotline.Get<StatisticsLanguages>().ReadAsync(session, Ct);
    }
}
