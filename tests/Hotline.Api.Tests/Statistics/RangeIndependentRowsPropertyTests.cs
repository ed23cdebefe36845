namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// Through the real report on a real database: random counters over three months, with languages and partners that
/// appear in some months only, are published for every contiguous range of months, and each month reads the same, row for
/// row and cell for cell, in every range that contains it. Then, months later, a partner is added, another renamed so that
/// the names sort the other way, the active one deactivated and a language added to the intake, and every range is
/// published again: cell for cell as before. CsCheck prints the seed that replays a month that does not
/// (<c>CsCheck_Seed</c>).
/// </summary>
public sealed class RangeIndependentRowsPropertyTests
{
    private static readonly DateOnly[] Months = [new(2026, 1, 1), new(2026, 2, 1), new(2026, 3, 1)];

    /// <summary>Two languages the intake speaks and two it does not, each counted in a month or not.</summary>
    private static readonly string[] Languages = ["ar", "ne", "pt", "ru"];

    private static readonly Guid ActivePartner = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid InactivePartner = new("00000000-0000-0000-0000-00000000000b");

    /// <summary>Joined the directory before the first month: counted in all three.</summary>
    private static readonly DateTimeOffset JoinedBefore = new(2025, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Added in November, long after the three months were published.</summary>
    private static readonly Guid AddedLater = new("00000000-0000-0000-0000-0000000000ff");

    /// <summary>Two partners in the directory, one no longer active, and two no longer listed.</summary>
    private static readonly Guid[] Partners = [ActivePartner, InactivePartner, new("00000000-0000-0000-0000-00000000000c"), new("00000000-0000-0000-0000-00000000000d")];

    /// <summary>The other breakdowns of a month's cases, and of its referrals: each a random split of the month's total among its codes.</summary>
    private static readonly (string Dimension, string[] Codes)[] CaseBreakdowns =
    [
        (StatisticsKeys.CaseChannel, ["Sms", "WhatsApp", "Chat"]),
        (StatisticsKeys.CasePriority, ["Critical", "High", "Medium", "Low"]),
        (StatisticsKeys.CaseOutcome, StatisticsKeys.CaseOutcomes[..2]),
        (StatisticsKeys.CaseFirstResponse, ["under_5_min", StatisticsKeys.NotYet]),
        (StatisticsKeys.CaseIndicator, [IndicatorMap.Default.PublishedRows[0][0], StatisticsKeys.NoIndicator]),
    ];

    private static readonly (string Dimension, string[] Codes)[] ReferralBreakdowns =
    [
        (StatisticsKeys.ReferralOutcome, ["sent", "accepted", "declined"]),
        (StatisticsKeys.ReferralTime, ["1_to_4_h", StatisticsKeys.NotYet]),
    ];

    /// <summary>Not counted at all in the month, or a count that is mostly small: a rare language's or partner's month.</summary>
    private static readonly Gen<long> CountOrNone = Gen.Frequency((2, Gen.Const(0L)), (3, Gen.Long[1, 4]), (2, Gen.Long[5, 12]));

    private static readonly Gen<Counter[]> Month =
        Gen.Select(CountOrNone.Array[Languages.Length], CountOrNone.Array[Partners.Length]).SelectMany((languages, partners) =>
            Gen.Select(Cuts(CaseBreakdowns, languages.Sum()), Cuts(ReferralBreakdowns, partners.Sum())).Select((caseCuts, referralCuts) =>
                (Counter[])
                [
                    .. Languages.Zip(languages, (code, count) => new Counter(StatisticsKeys.CaseLanguage, code, count)),
                    .. Partners.Zip(partners, (id, count) => new Counter(StatisticsKeys.ReferralPartner, id.ToString("D"), count)),
                    .. Split(CaseBreakdowns, languages.Sum(), caseCuts),
                    .. Split(ReferralBreakdowns, partners.Sum(), referralCuts),
                ]));

    [Theory, DatabaseData]
    public async Task Every_month_reads_the_same_in_every_range_that_contains_it_and_after_partners_and_languages_change(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await AddPartnersAsync(hotline);

        await Month.Array[Months.Length].SampleAsync(async months =>
        {
            await ReplaceCountersAsync(hotline, months);
            var published = await PublishEveryRangeAsync(hotline);

            for (var month = 0; month < Months.Length; month++)
            {
                var readings = published.Where(p => p.From <= month && month <= p.To)
                    .Select(p => (Range: $"{p.View.From} to {p.View.To}", Month: MonthAsPublished(p.View, month - p.From)))
                    .ToList();
                foreach (var other in readings.Skip(1).Where(r => r.Month != readings[0].Month))
                {
                    Assert.Fail($"{MonthRange.Key(Months[month])} in {readings[0].Range}:\n{readings[0].Month}\nin {other.Range}:\n{other.Month}");
                }
            }

            await ChangePartnersAndLanguagesAsync(hotline);
            var republished = await PublishEveryRangeAsync(hotline);
            await UndoChangesAsync(hotline);
            foreach (var (before, after) in published.Select(p => p.View).Zip(republished.Select(p => p.View)))
            {
                Assert.True(Cells(before) == Cells(after), $"{before.From} to {before.To} as published:\n{Cells(before)}\nafter the changes:\n{Cells(after)}");
            }
        }, iter: 60, threads: 1, print: Show);
    }

    /// <summary>
    /// Every contiguous range, through a new report each time: a report keeps what it built for a few seconds, and a new one
    /// reads these counters and this directory, not the last sample's.
    /// </summary>
    private static async Task<List<(int From, int To, StatisticsView View)>> PublishEveryRangeAsync(HotlineApp hotline)
    {
        var report = ActivatorUtilities.CreateInstance<StatisticsReport>(hotline.Services);
        var published = new List<(int From, int To, StatisticsView View)>();
        for (var from = 0; from < Months.Length; from++)
        {
            for (var to = from; to < Months.Length; to++)
            {
                published.Add((from, to, await report.BuildAsync(new MonthRange(Months[from], Months[to]), Ct)));
            }
        }

        return published;
    }

    /// <summary>A month of every table as published: each row's label and cell, then the total; a row the month does not count is left out.</summary>
    private static string MonthAsPublished(StatisticsView view, int column) => string.Join("\n", view.Tables.Select(t =>
        $"{t.Id}: " + string.Join(", ", t.Rows.Where(r => r.Cells[column] != StatisticsViews.NotCounted).Select(r => $"{r.Label} {r.Cells[column]}"))
        + (t.Totals is null ? "" : $"; total {t.Totals.Cells[column]}")));

    /// <summary>Every cell of every table, row by row in order, without the labels (a renamed partner's label changes).</summary>
    private static string Cells(StatisticsView view) => string.Join("\n", view.Tables.Select(t =>
        $"{t.Id}: " + string.Join(" / ", t.Rows.Concat(t.Totals is null ? [] : [t.Totals]).Select(r => string.Join(" ", r.Cells)))));

    private static async Task AddPartnersAsync(HotlineApp hotline)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        foreach (var (id, name, active, joined) in new[] { (ActivePartner, "Safe House Doha", true, JoinedBefore), (InactivePartner, "Embassy of Nepal", false, JoinedBefore.AddSeconds(1)) })
        {
            await hotline.Get<PartnerRepository>().AddAsync(session, new Partner
            {
                Id = id, Name = name, Services = [PartnerServices.Shelter], Languages = ["ne"], Active = active, CreatedAt = joined, UpdatedAt = joined, Version = 1,
            }, Ct);
        }

        await session.CommitAsync(Ct);
    }

    /// <summary>
    /// In November: a partner added, the inactive one renamed so that it sorts after the active one by name (before it, it
    /// sorted first), the active one deactivated, and French added to the intake.
    /// </summary>
    private static async Task ChangePartnersAndLanguagesAsync(HotlineApp hotline)
    {
        var now = hotline.Time.GetUtcNow();
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            await hotline.Get<PartnerRepository>().AddAsync(session, new Partner
            {
                Id = AddedLater, Name = "Aden Shelter", Services = [PartnerServices.Shelter], Languages = ["ne"], Active = true, CreatedAt = now, UpdatedAt = now, Version = 1,
            }, Ct);
            await session.CommitAsync(Ct);
        }

        await hotline.ExecuteAsync($"UPDATE Partners SET Name = 'Zanzibar Embassy' WHERE Id = '{InactivePartner:D}'");
        await hotline.ExecuteAsync($"UPDATE Partners SET Active = 0 WHERE Id = '{ActivePartner:D}'");
        var spoken = hotline.Get<IntakeScript>().Languages.Select(l => l.Tag);
        await hotline.Get<StatisticsLanguages>().RegisterAsync([.. spoken, "fr"], Ct);
    }

    private static async Task UndoChangesAsync(HotlineApp hotline)
    {
        await hotline.ExecuteAsync($"DELETE FROM Partners WHERE Id = '{AddedLater:D}'");
        await hotline.ExecuteAsync($"UPDATE Partners SET Name = 'Embassy of Nepal' WHERE Id = '{InactivePartner:D}'");
        await hotline.ExecuteAsync($"UPDATE Partners SET Active = 1 WHERE Id = '{ActivePartner:D}'");
        await hotline.ExecuteAsync("DELETE FROM StatisticsLanguages WHERE Language = 'fr'");
    }

    private static async Task ReplaceCountersAsync(HotlineApp hotline, Counter[][] months)
    {
        await hotline.ExecuteAsync("DELETE FROM StatisticsCounts");
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        for (var m = 0; m < months.Length; m++)
        {
            foreach (var counter in months[m].Where(c => c.Count > 0))
            {
                await session.ExecuteAsync("StatisticsCounts_Add", new
                {
                    Month = MonthRange.Key(Months[m]), counter.Dimension, counter.Value, counter.Count, TotalSeconds = 0L,
                }, Ct);
            }
        }

        await session.CommitAsync(Ct);
    }

    /// <summary>Where each breakdown cuts the month's total: one point fewer than it has codes.</summary>
    private static Gen<long[]> Cuts((string Dimension, string[] Codes)[] breakdowns, long total) =>
        Gen.Long[0, total].Array[breakdowns.Sum(b => b.Codes.Length - 1)];

    private static IEnumerable<Counter> Split((string Dimension, string[] Codes)[] breakdowns, long total, long[] cuts)
    {
        var next = 0;
        foreach (var (dimension, codes) in breakdowns)
        {
            long[] edges = [0, .. cuts.Skip(next).Take(codes.Length - 1).Order(), total];
            next += codes.Length - 1;
            for (var i = 0; i < codes.Length; i++)
            {
                yield return new Counter(dimension, codes[i], edges[i + 1] - edges[i]);
            }
        }
    }

    private static string Show(Counter[][] months) => string.Join("\n", months.Select((counters, m) =>
        $"{MonthRange.Key(Months[m])}: " + string.Join(", ", counters.Where(c => c.Count > 0).Select(c => $"{c.Dimension}={c.Value} {c.Count}"))));

    private sealed record Counter(string Dimension, string Value, long Count);
}
