namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// A month's published tables are final once the month is over: a case is counted in the month it opened as it stood when
/// that month ended. Cases were once counted there as they stood at the latest, so a November case closed in December
/// moved one count of November's table from "still open" to its outcome (as did a referral accepted, a priority raised, a
/// first reply), and a reader who saved November's table in early December and set it beside today's saw that one case's
/// change: a difference of one pins counts that suppression hid as 1 to 4.
/// </summary>
public sealed class ClosedMonthTests
{
    private static readonly DateOnly November = new(2026, 11, 1);
    private static readonly DateOnly December = new(2026, 12, 1);

    /// <summary>
    /// November (the parts' clock starts on the 27th): seven cases in Nepali, all High; the first answered 20 minutes after it
    /// was queued, the second referred to a shelter and sent. December: one November case closed as resolved, one raised to
    /// Critical, the referral accepted and completed, another November case referred (a December referral), and another
    /// answered. November reads as it did; December has no case and that one referral.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_closed_month_reads_the_same_after_its_cases_are_closed_referred_answered_and_re_triaged(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
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
        hotline.Time.Advance(TimeSpan.FromDays(5));
        var savedInDecember = await PublishAsync(hotline, November);

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
        var today = await PublishAsync(hotline, November);
        var december = await PublishAsync(hotline, December);

        Assert.Equal(Month(savedInDecember), Month(today));
        Assert.Equal("cases-by-priority: Critical 0, High 7, Medium 0, Low 0; total 7", Month(today, "cases-by-priority"));
        Assert.Equal("7", Cell(today, "cases-by-outcome", "Still open at the month's end"));
        Assert.Equal("<5", Cell(today, "cases-by-first-response", "15 to 60 min"));
        Assert.Equal("x", Cell(today, "cases-by-first-response", "No reply sent by the month's end"));
        Assert.Equal("<5", Cell(today, "referrals-by-outcome", "Sent, no answer yet"));
        Assert.Equal("referrals-by-partner: Safe House Doha <5; total <5", Month(today, "referrals-by-partner"));
        Assert.Equal("cases-by-priority: Critical 0, High 0, Medium 0, Low 0; total 0", Month(december, "cases-by-priority"));
        Assert.Equal("<5", Cell(december, "referrals-by-partner", "Safe House Doha"));
        Assert.Equal("<5", Cell(december, "referrals-by-outcome", "Waiting for consent"));
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
