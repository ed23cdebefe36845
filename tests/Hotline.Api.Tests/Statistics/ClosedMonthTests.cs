namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// A month's published tables are provisional for <c>Hotline:Statistics:FinalAfterDays</c> (90 by default) after the month
/// ends, and final from then on: a case is counted in the month it opened as it stood when that month became final. Frozen
/// at the month's end, a month never counted the outcomes, first replies and referral steps of the weeks after it, so a
/// partner's table of referral outcomes read mostly "Sent, no answer yet". Never frozen, a month changed by one case whenever
/// one was closed, answered or re-triaged, and a reader who saved its table and set it beside a later one saw that one
/// case's change: a difference of one pins counts that suppression hid as 1 to 4. That is possible only while the month's
/// heading says it is provisional, as it always was for the month still running.
/// </summary>
public sealed class ClosedMonthTests
{
    private static readonly DateOnly November = new(2026, 11, 1);
    private static readonly DateOnly January = new(2027, 1, 1);

    /// <summary>
    /// January 2027: ten cases in Nepali, five of them referred to a shelter and sent. On 20 March, inside the 90 days: the
    /// other five closed as resolved, the five referrals accepted and completed as sheltered. January, read that day and
    /// headed provisional until 2 May, counts them: what a partner came to read the table for.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_provisional_month_counts_the_outcomes_and_referral_steps_that_came_after_it_ended(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var shelter = await AddShelterAsync(hotline);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "ne");
        var shelterStaff = await AddUserAsync(hotline, UserRole.Ngo, shelter.Id);
        hotline.Time.Advance(new DateTimeOffset(2027, 1, 12, 9, 0, 0, TimeSpan.Zero) - hotline.Time.GetUtcNow());
        var cases = new List<CaseRecord>();
        var referrals = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            cases.Add(await hotline.QueueCaseAsync("ne", PriorityBand.High, "documents_retained"));
        }

        for (var i = 0; i < 5; i++)
        {
            referrals.Add(await ReferAsync(hotline, worker, cases[i], shelter, send: true));
        }

        hotline.Time.Advance(new DateTimeOffset(2027, 3, 20, 10, 0, 0, TimeSpan.Zero) - hotline.Time.GetUtcNow());
        var before = await PublishAsync(hotline, January);

        var inbox = hotline.Get<PartnerInbox>();
        foreach (var referral in referrals)
        {
            Assert.NotNull((await inbox.AcceptAsync(shelterStaff, referral, Ct)).Value);
            Assert.NotNull((await inbox.CompleteAsync(shelterStaff, referral, new CompleteReferral("sheltered", null), Ct)).Value);
        }

        for (var i = 5; i < 10; i++)
        {
            await CloseAsync(hotline, worker, cases[i], "resolved");
        }

        var after = await PublishAsync(hotline, January);

        Assert.Equal(["Jan 2027 (provisional until 2 May 2027)", "Total"], after.Tables.Single(t => t.Id == "cases-by-outcome").Columns);
        Assert.Equal(("10", "0"), (Cell(before, "cases-by-outcome", "Still open"), Cell(before, "cases-by-outcome", "Resolved by the hotline")));
        Assert.Equal(("5", "5"), (Cell(after, "cases-by-outcome", "Still open"), Cell(after, "cases-by-outcome", "Resolved by the hotline")));
        Assert.Equal(("5", "0"), (Cell(before, "referrals-by-outcome", "Sent, no answer yet"), Cell(before, "referrals-by-outcome", "Completed: sheltered")));
        Assert.Equal(("0", "5"), (Cell(after, "referrals-by-outcome", "Sent, no answer yet"), Cell(after, "referrals-by-outcome", "Completed: sheltered")));
        Assert.Equal("5", Total(after, "referrals-by-outcome"));
    }

    /// <summary>
    /// November 2026 (the parts' clock starts on the 27th): seven cases in Nepali, all High; the first answered 20 minutes
    /// after it was queued, the second referred to a shelter and sent. November is final on 1 March 2027 (90 days after it
    /// ended), and its table is saved that moment. Then, that same moment: one November case closed as resolved, one raised to
    /// Critical, the referral accepted and completed, another November case referred (a March referral), and another
    /// answered. November reads as it was saved, headed by its name alone; March has no case and that one referral.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_final_month_reads_the_same_after_its_cases_are_closed_referred_answered_and_re_triaged(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);

        var (saved, today, later) = await NovemberThenChangesAsync(hotline, finalOn: new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero));

        AssertNovemberAsSaved(saved, today, later);
        Assert.Equal(["Nov 2026", "Total"], today.Tables.Single(t => t.Id == "cases-by-outcome").Columns);
        Assert.Equal(["Mar 2027 (so far)", "Total"], later.Tables.Single(t => t.Id == "cases-by-outcome").Columns);
    }

    /// <summary>
    /// November 2026: seven cases in Nepali, all High with retained documents; November's tables saved on 10 December. On
    /// 15 January, inside November's 90 days, one is raised to Critical with threats added, and another closed as resolved.
    /// November's priorities and indicators read as saved, headed by its name alone, final since it ended; its outcomes,
    /// still provisional and headed so, count the close. Before, the priority and indicator tables moved together by one.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_re_triage_after_the_month_ended_leaves_its_priorities_and_indicators_as_they_were(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "ne");
        var cases = new List<CaseRecord>();
        for (var i = 0; i < 7; i++)
        {
            cases.Add(await hotline.QueueCaseAsync("ne", PriorityBand.High, "documents_retained"));
        }

        hotline.Time.Advance(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero) - hotline.Time.GetUtcNow());
        var saved = await PublishAsync(hotline, November);
        hotline.Time.Advance(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero) - hotline.Time.GetUtcNow());
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            await hotline.Get<CaseQueue>().ChangePriorityAsync(session, cases[3].Id, PriorityBand.Critical, 90, ["documents_retained", "threats"], Ct);
            await session.CommitAsync(Ct);
        }

        await CloseAsync(hotline, worker, cases[2], "resolved");
        var today = await PublishAsync(hotline, November);

        Assert.Equal(Month(saved, "cases-by-priority", "cases-by-indicator"), Month(today, "cases-by-priority", "cases-by-indicator"));
        Assert.Equal("cases-by-priority: Critical 0, High 7, Medium 0, Low 0; total 7", Month(today, "cases-by-priority"));
        Assert.Equal(["Nov 2026", "Total"], today.Tables.Single(t => t.Id == "cases-by-priority").Columns);
        Assert.Equal(["Nov 2026", "Total"], today.Tables.Single(t => t.Id == "cases-by-indicator").Columns);
        Assert.Equal(("7", "<5"), (Cell(saved, "cases-by-outcome", "Still open"), Cell(today, "cases-by-outcome", "Resolved by the hotline")));
        Assert.Equal(["Nov 2026 (provisional until 1 Mar 2027)", "Total"], today.Tables.Single(t => t.Id == "cases-by-outcome").Columns);
    }

    /// <summary>With <c>FinalAfterDays</c> 0, a month is final as soon as it is over: the same changes on 1 December leave November as it was.</summary>
    [Theory, DatabaseData]
    public async Task With_no_days_after_a_month_ends_it_is_final_as_soon_as_it_is_over(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine, new Dictionary<string, string?> { ["Hotline:Statistics:FinalAfterDays"] = "0" });

        var (saved, today, later) = await NovemberThenChangesAsync(hotline, finalOn: new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        AssertNovemberAsSaved(saved, today, later);
        Assert.Equal(["Nov 2026", "Total"], today.Tables.Single(t => t.Id == "cases-by-outcome").Columns);
        Assert.Equal(["Dec 2026 (so far)", "Total"], later.Tables.Single(t => t.Id == "cases-by-outcome").Columns);
    }

    /// <summary>
    /// November's seven cases and their first reply and referral; at <paramref name="finalOn"/>, November's table as saved,
    /// then the changes, November as read after them, and the month of <paramref name="finalOn"/> as read after them.
    /// </summary>
    private static async Task<(StatisticsView Saved, StatisticsView Today, StatisticsView Later)> NovemberThenChangesAsync(
        HotlineApp hotline, DateTimeOffset finalOn)
    {
        var shelter = await AddShelterAsync(hotline);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "ne");
        var shelterStaff = await AddUserAsync(hotline, UserRole.Ngo, shelter.Id);
        var cases = new List<CaseRecord>();
        for (var i = 0; i < 7; i++)
        {
            cases.Add(await hotline.QueueCaseAsync("ne", PriorityBand.High, "documents_retained"));
        }

        hotline.Time.Advance(TimeSpan.FromMinutes(20));
        await ReplySentAsync(hotline, cases[0], worker);
        var novemberReferral = await ReferAsync(hotline, worker, cases[1], shelter, send: true);
        hotline.Time.Advance(finalOn - hotline.Time.GetUtcNow());
        var saved = await PublishAsync(hotline, November);

        await CloseAsync(hotline, worker, cases[2], "resolved");
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            await hotline.Get<CaseQueue>().ChangePriorityAsync(session, cases[3].Id, PriorityBand.Critical, 90, ["documents_retained", "threats"], Ct);
            await session.CommitAsync(Ct);
        }

        var inbox = hotline.Get<PartnerInbox>();
        Assert.NotNull((await inbox.AcceptAsync(shelterStaff, novemberReferral, Ct)).Value);
        Assert.NotNull((await inbox.CompleteAsync(shelterStaff, novemberReferral, new CompleteReferral("sheltered", null), Ct)).Value);
        await ReferAsync(hotline, worker, cases[4], shelter, send: false);
        await ReplySentAsync(hotline, cases[5], worker);
        var month = DateOnly.FromDateTime(finalOn.UtcDateTime);
        return (saved, await PublishAsync(hotline, November), await PublishAsync(hotline, new DateOnly(month.Year, month.Month, 1)));
    }

    private static void AssertNovemberAsSaved(StatisticsView saved, StatisticsView today, StatisticsView later)
    {
        Assert.Equal(Month(saved), Month(today));
        Assert.Equal("cases-by-priority: Critical 0, High 7, Medium 0, Low 0; total 7", Month(today, "cases-by-priority"));
        Assert.Equal("7", Cell(today, "cases-by-outcome", "Still open"));
        Assert.Equal("<5", Cell(today, "cases-by-first-response", "15 to 60 min"));
        Assert.Equal("x", Cell(today, "cases-by-first-response", "No caseworker reply yet"));
        Assert.Equal("<5", Cell(today, "referrals-by-outcome", "Sent, no answer yet"));
        Assert.Equal("referrals-by-partner: Safe House Doha <5; total <5", Month(today, "referrals-by-partner"));
        Assert.Equal("cases-by-priority: Critical 0, High 0, Medium 0, Low 0; total 0", Month(later, "cases-by-priority"));
        Assert.Equal("<5", Cell(later, "referrals-by-partner", "Safe House Doha"));
        Assert.Equal("<5", Cell(later, "referrals-by-outcome", "Waiting for consent"));
    }

    /// <summary>Through the real report, built afresh: a report kept for a few seconds would hide a change rather than show it.</summary>
    private static Task<StatisticsView> PublishAsync(HotlineApp hotline, DateOnly month) =>
        ActivatorUtilities.CreateInstance<StatisticsReport>(hotline.Services).BuildAsync(new MonthRange(month, month), Ct);

    /// <summary>The one month of every table named (every table when none is), as published: a line per table, each row's label and cell, then the total.</summary>
    private static string Month(StatisticsView view, params string[] tables) => string.Join("\n", view.Tables
        .Where(t => tables.Length == 0 || tables.Contains(t.Id))
        .Select(t => $"{t.Id}: " + string.Join(", ", t.Rows.Select(r => $"{r.Label} {r.Cells[0]}")) + (t.Totals is null ? "" : $"; total {t.Totals.Cells[0]}")));

    private static string Cell(StatisticsView view, string table, string row) =>
        view.Tables.Single(t => t.Id == table).Rows.Single(r => r.Label == row).Cells[0];

    private static string Total(StatisticsView view, string table) => view.Tables.Single(t => t.Id == table).Totals!.Cells[0];

    private static async Task<Partner> AddShelterAsync(HotlineApp hotline)
    {
        var joined = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var shelter = new Partner
        {
            Id = Guid.NewGuid(), Name = "Safe House Doha", Services = [PartnerServices.Shelter], Languages = ["ne"], Active = true,
            CreatedAt = joined, UpdatedAt = joined, Version = 1,
        };
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        await hotline.Get<PartnerRepository>().AddAsync(session, shelter, Ct);
        await session.CommitAsync(Ct);
        return shelter;
    }

    private static async Task<User> AddUserAsync(HotlineApp hotline, UserRole role, Guid organisationId)
    {
        var user = new User
        {
            Id = Guid.NewGuid(), UserName = $"ngo-{Guid.NewGuid():N}", DisplayName = "Shelter staff", Role = role, PasswordHash = "not-a-real-hash",
            CreatedAt = hotline.Time.GetUtcNow(), Languages = ["en"], OrganisationId = organisationId,
        };
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        await hotline.Get<UserRepository>().AddAsync(session, user, Ct);
        await session.CommitAsync(Ct);
        return user;
    }

    private static async Task<Guid> ReferAsync(HotlineApp hotline, User worker, CaseRecord kase, Partner partner, bool send)
    {
        var referrals = hotline.Get<ReferralWorkflow>();
        var proposed = (await referrals.ProposeAsync(worker, kase.Id, new ProposeReferral(partner.Id, PartnerServices.Shelter), Ct)).Value!;
        if (send)
        {
            Assert.NotNull((await referrals.RecordConsentAsync(worker, kase.Id, proposed.Id,
                new RecordConsent("person", "sms", null, ["language"], null, null, null, null), Ct)).Value);
            Assert.NotNull((await referrals.SendAsync(worker, kase.Id, proposed.Id, Ct)).Value);
        }

        return proposed.Id;
    }

    private static async Task CloseAsync(HotlineApp hotline, User worker, CaseRecord kase, string outcome)
    {
        var lease = (await hotline.Get<CaseQueue>().ClaimAsync(kase.Id, worker.Id, TimeSpan.FromMinutes(5), Ct))!;
        Assert.True((await hotline.Get<CaseActions>().CloseAsync(worker, kase.Id, lease.LeaseToken, outcome, null, Ct)).Value);
    }

    /// <summary>A caseworker's reply that Twilio accepted.</summary>
    private static async Task ReplySentAsync(HotlineApp hotline, CaseRecord kase, User worker)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var message = new Message(Guid.NewGuid(), kase.ConversationId, kase.Id, MessageDirection.Outbound, Channel.Sms, null,
            "We are here to help.", null, 1, worker.Id, "pending", hotline.Time.GetUtcNow());
        await hotline.Get<MessageRepository>().AddAsync(session, message, Ct);
        await hotline.Get<CaseEventLog>().AppendAsync(session, kase.Id, CaseEventTypes.ReplyQueued, new { MessageId = message.Id }, worker.Id, Ct);
        await hotline.Get<DeliveryRecorder>().RecordSentAsync(session, message, $"SM{message.Id:N}", "queued", hotline.Time.GetUtcNow(), Ct);
        await session.CommitAsync(Ct);
    }
}
