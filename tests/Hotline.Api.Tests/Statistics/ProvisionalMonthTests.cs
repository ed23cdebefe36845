namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// When a month's figures are provisional and when final (<c>Hotline:Statistics:FinalAfterDays</c>, 90 by default): the
/// months a late event still recounts, the headings that say so, and the setting's bounds.
/// </summary>
public sealed class ProvisionalMonthTests
{
    private static readonly TimeSpan NinetyDays = TimeSpan.FromDays(90);

    /// <summary>January 2027 ends on 1 February; 90 days on, it is final from 2 May 2027 at midnight UTC.</summary>
    [Fact]
    public void A_month_is_final_the_set_number_of_days_after_it_ends()
    {
        Assert.Equal(new DateTimeOffset(2027, 5, 2, 0, 0, 0, TimeSpan.Zero), StatisticsKeys.FinalOn("2027-01", NinetyDays));
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), StatisticsKeys.FinalOn("2026-11", NinetyDays));
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), StatisticsKeys.FinalOn("2027-01", TimeSpan.Zero));
    }

    /// <summary>
    /// A January case closed: on 20 March January is recounted to "resolved"; a second before 2 May too; from 2 May on,
    /// January keeps "open", as counted. The month of a later referral (May) is counted afresh either way.
    /// </summary>
    [Theory]
    [InlineData("2027-03-20T10:00:00Z", "resolved")]
    [InlineData("2027-05-01T23:59:59Z", "resolved")]
    [InlineData("2027-05-02T00:00:00Z", "open")]
    [InlineData("2027-05-05T09:00:00Z", "open")]
    public void An_event_recounts_a_month_only_while_it_is_provisional(string eventAt, string januaryOutcome)
    {
        StatisticsKey[] counted = [new("2027-01", StatisticsKeys.CaseOutcome, "open", 0)];
        StatisticsKey[] fresh = [new("2027-01", StatisticsKeys.CaseOutcome, "resolved", 0), new("2027-05", StatisticsKeys.ReferralOutcome, "proposed", 0)];

        var keys = StatisticsKeys.Final(counted, fresh, DateTimeOffset.Parse(eventAt, CultureInfo.InvariantCulture), NinetyDays);

        Assert.Equal(
            [new("2027-01", StatisticsKeys.CaseOutcome, januaryOutcome, 0), new("2027-05", StatisticsKeys.ReferralOutcome, "proposed", 0)],
            keys.OrderBy(k => k.Month));
    }

    /// <summary>
    /// A November case raised from High to Critical, with a new indicator, on 10 January, inside November's 90 days: November
    /// keeps High and its indicator as counted, since its priorities and indicators were final on 1 December; its outcome,
    /// still provisional, moves. Before, every table of a provisional month moved, and the priority and indicator tables moved
    /// together by one, pinning the counts suppression hid beside them.
    /// </summary>
    [Fact]
    public void A_re_triage_after_the_month_ended_changes_nothing_in_it_while_a_late_outcome_does()
    {
        StatisticsKey[] counted =
        [
            new("2026-11", StatisticsKeys.CasePriority, "High", 0), new("2026-11", StatisticsKeys.CaseIndicator, "documents_retained", 0),
            new("2026-11", StatisticsKeys.CaseOutcome, "open", 0),
        ];
        StatisticsKey[] fresh =
        [
            new("2026-11", StatisticsKeys.CasePriority, "Critical", 0), new("2026-11", StatisticsKeys.CaseIndicator, "documents_retained", 0),
            new("2026-11", StatisticsKeys.CaseIndicator, "threats", 0), new("2026-11", StatisticsKeys.CaseOutcome, "resolved", 0),
        ];

        var keys = StatisticsKeys.Final(counted, fresh, new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero), NinetyDays);

        Assert.Equal(
            ["case.indicator documents_retained", "case.outcome resolved", "case.priority High"],
            keys.Select(k => $"{k.Dimension} {k.Value}").Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A November case first counted on 5 May 2027, when all of November is final (a case set aside as unreadable and
    /// mended then): counted in November as it is, not dropped from it. Before, a final month kept only what it had
    /// counted, which for this case was nothing.
    /// </summary>
    [Fact]
    public void A_case_first_counted_after_its_month_is_final_is_counted_in_it_as_it_is()
    {
        StatisticsKey[] fresh =
        [
            new("2026-11", StatisticsKeys.CaseLanguage, "ne", 0), new("2026-11", StatisticsKeys.CasePriority, "High", 0),
            new("2026-11", StatisticsKeys.CaseOutcome, "resolved", 0),
        ];

        var keys = StatisticsKeys.Final([], fresh, new DateTimeOffset(2027, 5, 5, 9, 0, 0, TimeSpan.Zero), NinetyDays);

        Assert.Equal(fresh, keys);
    }

    [Fact]
    public void Only_outcomes_first_replies_and_referrals_wait_for_what_comes_after_the_month()
    {
        Assert.Equal(
            ["case.first_response", "case.first_response_time", "case.outcome", "referral.outcome", "referral.partner", "referral.time_to_referral",
             "referral.time_to_referral_time"],
            StatisticsKeys.LateDimensions.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Read on 20 March 2027, a table of outcomes: November is final (since 1 March), December to February provisional, March
    /// running.
    /// </summary>
    [Fact]
    public void Each_month_not_yet_final_is_headed_provisional_with_the_day_it_becomes_final()
    {
        var headings = new MonthHeadings(new DateTimeOffset(2027, 3, 20, 10, 0, 0, TimeSpan.Zero), NinetyDays);

        Assert.Equal(
            ["Nov 2026", "Dec 2026 (provisional until 1 Apr 2027)", "Jan 2027 (provisional until 2 May 2027)",
             "Feb 2027 (provisional until 30 May 2027)", "Mar 2027 (so far)"],
            new[] { "2026-11", "2026-12", "2027-01", "2027-02", "2027-03" }.Select(month => headings.Of(month, StatisticsKeys.CaseOutcome)));
    }

    /// <summary>The same day, a table of priorities: every month over is final, headed by its name alone.</summary>
    [Fact]
    public void A_table_of_what_is_known_in_the_month_is_final_when_the_month_ends()
    {
        var headings = new MonthHeadings(new DateTimeOffset(2027, 3, 20, 10, 0, 0, TimeSpan.Zero), NinetyDays);

        Assert.Equal(
            ["Jan 2027", "Feb 2027", "Mar 2027 (so far)"],
            new[] { "2027-01", "2027-02", "2027-03" }.Select(month => headings.Of(month, StatisticsKeys.CasePriority)));
    }

    [Fact]
    public void With_no_days_after_a_month_ends_only_the_month_running_changes()
    {
        var headings = new MonthHeadings(new DateTimeOffset(2027, 3, 20, 10, 0, 0, TimeSpan.Zero), TimeSpan.Zero);

        Assert.Equal(
            ["Jan 2027", "Feb 2027", "Mar 2027 (so far)"],
            new[] { "2027-01", "2027-02", "2027-03" }.Select(month => headings.Of(month, StatisticsKeys.ReferralOutcome)));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(90, true)]
    [InlineData(366, true)]
    [InlineData(-1, false)]
    [InlineData(367, false)]
    public void The_days_until_a_month_is_final_are_from_0_to_366(int days, bool valid)
    {
        var result = new StatisticsOptionsValidator().Validate(null, new StatisticsOptions { FinalAfterDays = days });

        Assert.Equal(valid, result.Succeeded);
        Assert.Equal(valid ? null : "Hotline:Statistics:FinalAfterDays must be between 0 and 366.", result.FailureMessage);
    }
}
