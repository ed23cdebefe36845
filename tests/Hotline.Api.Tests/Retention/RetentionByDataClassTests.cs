using Hotline.Api.CaseHistory;
using static Hotline.Api.Tests.Retention.RetentionSeeds;

namespace Hotline.Api.Tests.Retention;

/// <summary>
/// Each class of data goes when its retention has passed, not a day before; the anonymous skeletons statistics
/// count stay. Retentions here: closed case content 90 days, idle conversations 180 days, finished outbox rows
/// 7 days, audit rows 365 days; batches of 2, so every class takes several batches.
/// </summary>
public sealed class RetentionByDataClassTests
{
    [Theory, DatabaseData]
    public async Task A_closed_cases_content_is_kept_until_the_day_its_retention_ends(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var closed = await SeedClosedCaseAsync(hotline);
        hotline.Time.SetUtcNow(closed.ClosedAt.AddDays(89));

        var swept = await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal(0, swept.Cases);
        Assert.Equal(3, await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM Messages WHERE CaseId = @Id AND BodyCipher <> ''", new { Id = closed.CaseId }));
        Assert.Equal(1, await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM CaseNotes WHERE CaseId = @Id", new { Id = closed.CaseId }));
    }

    [Theory, DatabaseData]
    public async Task A_closed_cases_content_goes_when_its_retention_ends(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var closed = await SeedClosedCaseAsync(hotline);
        hotline.Time.SetUtcNow(closed.ClosedAt.AddDays(90));

        var swept = await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal((1, 3, 1, 1, 1), (swept.Cases, swept.Content.Messages, swept.Content.Notes, swept.Content.IntakeAnswers, swept.Content.EngineStates));
        var id = new { Id = closed.CaseId };
        Assert.Equal(0, await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM Messages WHERE CaseId = @Id AND (BodyCipher <> '' OR MediaCipher IS NOT NULL)", id));
        Assert.Equal(0, await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM CaseNotes WHERE CaseId = @Id", id));
        Assert.DoesNotContain("TextCipher", await ScalarAsync<string>(hotline, "SELECT Data FROM CaseEvents WHERE CaseId = @Id AND Type = 'AnswerRecorded'", id));
        Assert.Equal(0, await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM Conversations WHERE Id = @Id AND EngineStateCipher IS NOT NULL",
            new { Id = closed.ConversationId }));
    }

    /// <summary>
    /// The intake opens a case once the person has written and answered a question or two, so their first words hold no case:
    /// they stayed when the case's content went, for as long as the person kept writing (the idle conversation's retention
    /// never came), and the closed case still showed them.
    /// </summary>
    [Theory, DatabaseData]
    public async Task The_messages_that_led_to_a_case_go_with_its_content_and_those_after_its_close_stay(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var closed = await SeedClosedCaseAsync(hotline);
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            var messages = hotline.Get<MessageRepository>();
            await messages.AddAsync(session, NewMessage(Guid.Empty, closed.ConversationId, MessageDirection.Inbound, "my boss keeps my passport", null, null,
                closed.ClosedAt.AddMinutes(-30)) with { CaseId = null }, Ct);
            await messages.AddAsync(session, NewMessage(Guid.Empty, closed.ConversationId, MessageDirection.Inbound, "thank you, it is me again", null, null,
                closed.ClosedAt.AddMinutes(5)) with { CaseId = null }, Ct);
            await session.CommitAsync(Ct);
        }

        hotline.Time.SetUtcNow(closed.ClosedAt.AddDays(90));
        var swept = await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal(4, swept.Content.Messages);
        var id = new { Id = closed.ConversationId };
        Assert.Equal(0, await ScalarAsync<long>(hotline,
            "SELECT COUNT(*) FROM Messages WHERE ConversationId = @Id AND CaseId IS NULL AND CreatedAt < (SELECT ClosedAt FROM Cases WHERE ConversationId = @Id) AND BodyCipher <> ''", id));
        Assert.Equal(1, await ScalarAsync<long>(hotline,
            "SELECT COUNT(*) FROM Messages WHERE ConversationId = @Id AND CaseId IS NULL AND CreatedAt > (SELECT ClosedAt FROM Cases WHERE ConversationId = @Id) AND BodyCipher <> ''", id));
    }

    [Theory, DatabaseData]
    public async Task A_swept_case_reads_as_erased_on_that_day_and_its_messages_as_removed_not_as_empty(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var closed = await SeedClosedCaseAsync(hotline);
        var supervisor = await hotline.AddUserAsync(UserRole.Supervisor);
        var history = hotline.Get<CaseHistoryReader>();
        var sweptAt = closed.ClosedAt.AddDays(90);
        hotline.Time.SetUtcNow(sweptAt);

        var before = await ReadClosedAsync(hotline, history, supervisor, closed.CaseId);
        await hotline.Get<RetentionSweep>().SweepAsync(Ct);
        var after = await ReadClosedAsync(hotline, history, supervisor, closed.CaseId);

        Assert.Null(before.ContentErasedAt);
        Assert.Equal([false, false, false], before.Detail.Transcript.Select(m => m.ContentErased));
        Assert.Equal(sweptAt, after.ContentErasedAt);
        Assert.Equal([(true, ""), (true, ""), (true, "")], after.Detail.Transcript.Select(m => (m.ContentErased, m.Body)));
    }

    [Theory, DatabaseData]
    public async Task An_empty_message_the_person_sent_is_not_read_as_removed(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.High, "documents_retained");
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            await hotline.Get<MessageRepository>().AddAsync(session,
                NewMessage(queued, MessageDirection.Inbound, "", null, null, hotline.Time.GetUtcNow()), Ct);
            await session.CommitAsync(Ct);
        }

        await using var read = await hotline.Database.OpenAsync(Ct);
        var message = Assert.Single(await hotline.Get<MessageRepository>().ReadConversationAsync(read, queued.ConversationId, Ct));

        Assert.Equal(("", false), (message.Body, message.ContentErased));
    }

    [Theory, DatabaseData]
    public async Task The_anonymous_skeleton_of_a_swept_case_stays_and_statistics_still_count_it(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var closed = await SeedClosedCaseAsync(hotline);
        hotline.Time.SetUtcNow(closed.ClosedAt.AddDays(400));

        await hotline.Get<RetentionSweep>().SweepAsync(Ct);
        await hotline.Get<StatisticsProjection>().CatchUpAsync(10, Ct);

        var id = new { Id = closed.CaseId };
        Assert.Equal("Closed|en|en|resolved|Sms", await ScalarAsync<string>(hotline,
            "SELECT c.Status + '|' + c.Language + '|' + c.PersonLanguage + '|' + c.Outcome + '|' + v.Channel FROM Cases AS c JOIN Conversations AS v ON v.Id = c.ConversationId WHERE c.Id = @Id"
                .Replace(" + ", engine == DatabaseProvider.Sqlite ? " || " : " + ", StringComparison.Ordinal), id));
        Assert.Equal(3, await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM Messages WHERE CaseId = @Id", id));
        Assert.Equal(1, await ScalarAsync<long>(hotline,
            "SELECT COALESCE(SUM(Count), 0) FROM StatisticsCounts WHERE Dimension = @Dimension AND Value = 'en'", new { Dimension = StatisticsKeys.CaseLanguage }));
        Assert.Equal(1, await ScalarAsync<long>(hotline,
            "SELECT COALESCE(SUM(Count), 0) FROM StatisticsCounts WHERE Dimension = @Dimension AND Value = 'High'", new { Dimension = StatisticsKeys.CasePriority }));
    }

    [Theory, DatabaseData]
    public async Task A_conversations_identity_is_kept_until_it_has_been_silent_for_its_retention(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var closed = await SeedClosedCaseAsync(hotline);
        var lastInbound = await LastInboundAsync(hotline, closed.ConversationId);
        hotline.Time.SetUtcNow(lastInbound.AddDays(179));

        var swept = await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal(0, swept.Conversations);
        Assert.StartsWith("hl2:", await ScalarAsync<string>(hotline, "SELECT AddressCipher FROM Conversations WHERE Id = @Id", new { Id = closed.ConversationId }));
    }

    [Theory, DatabaseData]
    public async Task A_conversations_address_and_identity_go_once_it_has_been_silent_for_its_retention(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var closed = await SeedClosedCaseAsync(hotline);
        var lastInbound = await LastInboundAsync(hotline, closed.ConversationId);
        hotline.Time.SetUtcNow(lastInbound.AddDays(180));

        var swept = await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal(1, swept.Conversations);
        var id = new { Id = closed.ConversationId };
        Assert.Equal("", await ScalarAsync<string>(hotline, "SELECT AddressCipher FROM Conversations WHERE Id = @Id", id));
        Assert.Equal($"erased:{closed.ConversationId:N}", await ScalarAsync<string>(hotline, "SELECT AddressHash FROM Conversations WHERE Id = @Id", id));
        Assert.Equal("Sms", await ScalarAsync<string>(hotline, "SELECT Channel FROM Conversations WHERE Id = @Id", id));
    }

    /// <summary>
    /// A review: a case closed long after the person's last message kept its content after their number was forgotten, and
    /// an erasure on request could no longer find it.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_conversation_keeps_its_identity_while_a_closed_case_keeps_its_content_and_loses_it_with_the_content(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var closed = await SeedClosedCaseAsync(hotline);
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            var conversations = hotline.Get<ConversationRepository>();
            var conversation = await conversations.FindByIdAsync(session, closed.ConversationId, Ct) ?? throw new InvalidOperationException("No conversation.");
            Assert.True(await conversations.UpdateAsync(session, conversation with { LastInboundAt = closed.ClosedAt.AddDays(-100) }, Ct));
            await session.CommitAsync(Ct);
        }

        hotline.Time.SetUtcNow(closed.ClosedAt.AddDays(89));
        var silentLongEnough = await hotline.Get<RetentionSweep>().SweepAsync(Ct);
        hotline.Time.SetUtcNow(closed.ClosedAt.AddDays(90));
        var contentDue = await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal((0, 0), (silentLongEnough.Cases, silentLongEnough.Conversations));
        Assert.Equal((1, 1), (contentDue.Cases, contentDue.Conversations));
        Assert.Equal("", await ScalarAsync<string>(hotline, "SELECT AddressCipher FROM Conversations WHERE Id = @Id", new { Id = closed.ConversationId }));
    }

    [Theory, DatabaseData]
    public async Task A_conversation_with_an_open_case_keeps_its_identity_however_long_it_is_silent(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var waiting = await hotline.QueueCaseAsync("en", PriorityBand.Low);
        hotline.Time.Advance(TimeSpan.FromDays(1_000));

        var swept = await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal(0, swept.Conversations);
        Assert.StartsWith("hl2:", await ScalarAsync<string>(hotline, "SELECT AddressCipher FROM Conversations WHERE Id = @Id", new { Id = waiting.ConversationId }));
    }

    [Theory, DatabaseData]
    public async Task A_silent_conversation_keeps_its_identity_while_a_reply_is_queued_to_go_and_with_only_a_held_reply_left_loses_it_with_its_outbox_rows(
        DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var closed = await SeedClosedCaseAsync(hotline);
        var lastInbound = await LastInboundAsync(hotline, closed.ConversationId);
        await AddOutboxRowAsync(hotline, closed.CaseId, closed.ConversationId, lastInbound, "Pending");
        hotline.Time.SetUtcNow(lastInbound.AddDays(180));
        var sweep = hotline.Get<RetentionSweep>();

        var whilePending = await sweep.SweepAsync(Ct);
        await RawAsync(hotline, "UPDATE Outbox SET Status = 'Held'");
        var onceHeld = await sweep.SweepAsync(Ct);

        Assert.Equal((0, 1, 1), (whilePending.Conversations, onceHeld.Conversations, onceHeld.Content.OutboxRows));
        Assert.Equal(0, await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM Outbox"));
    }

    [Theory, DatabaseData]
    public async Task Finished_outbox_rows_are_kept_until_their_retention_ends_and_then_deleted(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var waiting = await hotline.QueueCaseAsync("en", PriorityBand.Low);
        var createdAt = hotline.Time.GetUtcNow();
        await AddOutboxRowAsync(hotline, waiting.Id, waiting.ConversationId, createdAt, "Sent");
        await AddOutboxRowAsync(hotline, waiting.Id, waiting.ConversationId, createdAt, "Failed");
        await AddOutboxRowAsync(hotline, waiting.Id, waiting.ConversationId, createdAt, "Cancelled");
        await AddOutboxRowAsync(hotline, waiting.Id, waiting.ConversationId, createdAt, "Pending");
        var sweep = hotline.Get<RetentionSweep>();

        hotline.Time.SetUtcNow(createdAt.AddDays(6));
        var dayBefore = await sweep.SweepAsync(Ct);
        hotline.Time.SetUtcNow(createdAt.AddDays(7));
        var onTheDay = await sweep.SweepAsync(Ct);

        Assert.Equal((0, 3), (dayBefore.OutboxRows, onTheDay.OutboxRows));
        Assert.Equal("Pending", await ScalarAsync<string>(hotline, "SELECT Status FROM Outbox"));
    }

    [Theory, DatabaseData]
    public async Task Audit_rows_past_their_retention_go_and_the_chain_still_verifies_from_its_anchor(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var audit = hotline.Get<AuditTrail>();
        for (var i = 0; i < 5; i++)
        {
            await audit.RecordAsync(AuditEntry.ByActor(AuditActors.System, AuditActions.RetentionSwept, null), Ct);
        }

        var all = await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM AuditEntries");
        var newest = await ScalarAsync<DateTimeOffset>(hotline, "SELECT MAX(OccurredAt) FROM AuditEntries");
        var sweep = hotline.Get<RetentionSweep>();

        hotline.Time.SetUtcNow(newest.AddDays(364));
        var dayBefore = await sweep.SweepAsync(Ct);
        hotline.Time.SetUtcNow(newest.AddDays(365));
        var onTheDay = await sweep.SweepAsync(Ct);
        await audit.RecordAsync(AuditEntry.ByActor(AuditActors.System, AuditActions.RetentionSwept, null), Ct);
        var verification = await hotline.Get<AuditVerifier>().VerifyAsync(Ct);

        Assert.Equal((0, (int)all - 1), (dayBefore.AuditEntries, onTheDay.AuditEntries));
        Assert.Equal((true, 2L, all - 1), (verification.Intact, verification.RowsChecked, verification.AnchoredAfter));
    }

    [Theory, DatabaseData]
    public async Task An_audit_anchor_forged_without_the_key_is_named_by_verify(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var all = await SweepThreeAuditRowsAYearOnAsync(hotline);
        await RawAsync(hotline, "UPDATE AuditAnchors SET Sequence = Sequence - 1");

        var verification = await hotline.Get<AuditVerifier>().VerifyAsync(Ct);

        Assert.Equal(all - 1, verification.FirstBadSequence);
        Assert.Contains($"the retention anchor before it, at row {all - 2}, does not verify", verification.Describe());
    }

    [Theory, DatabaseData]
    public async Task Deleting_the_audit_anchor_shows_as_the_rows_before_the_chain_missing(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var all = await SweepThreeAuditRowsAYearOnAsync(hotline);
        await RawAsync(hotline, "DELETE FROM AuditAnchors");

        var verification = await hotline.Get<AuditVerifier>().VerifyAsync(Ct);

        Assert.Equal(all, verification.FirstBadSequence);
        Assert.Contains($"rows 1 to {all - 1} before it are missing", verification.Describe());
    }

    [Theory]
    [InlineData("ClosedCaseContentDays", "0")]
    [InlineData("IdleConversationDays", "3651")]
    [InlineData("FinishedOutboxDays", "0")]
    [InlineData("AuditEntryDays", "364")]
    [InlineData("BatchSize", "0")]
    public void A_retention_by_data_class_out_of_range_is_refused_naming_its_key(string key, string value)
    {
        var options = new RetentionOptions();
        typeof(RetentionOptions).GetProperty(key)!.SetValue(options, int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        var result = new RetentionOptionsValidator().Validate(null, options);

        Assert.Contains($"Hotline:Retention:{key} must be between", result.FailureMessage);
    }

    /// <summary>Three more audit rows, then the sweep on the day the newest passes its retention; the number of rows before the sweep.</summary>
    private static async Task<long> SweepThreeAuditRowsAYearOnAsync(HotlineApp hotline)
    {
        var audit = hotline.Get<AuditTrail>();
        for (var i = 0; i < 3; i++)
        {
            await audit.RecordAsync(AuditEntry.ByActor(AuditActors.System, AuditActions.RetentionSwept, null), Ct);
        }

        var all = await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM AuditEntries");
        hotline.Time.SetUtcNow((await ScalarAsync<DateTimeOffset>(hotline, "SELECT MAX(OccurredAt) FROM AuditEntries")).AddDays(365));
        await hotline.Get<RetentionSweep>().SweepAsync(Ct);
        return all;
    }

    /// <summary>The parts with the retentions this class describes, in batches of 2.</summary>
    private static Task<HotlineApp> StartAsync(DatabaseProvider engine) =>
        HotlineApp.StartPartsAsync(engine, new Dictionary<string, string?>
        {
            [$"{RetentionOptions.Section}:ClosedCaseContentDays"] = "90",
            [$"{RetentionOptions.Section}:IdleConversationDays"] = "180",
            [$"{RetentionOptions.Section}:FinishedOutboxDays"] = "7",
            [$"{RetentionOptions.Section}:AuditEntryDays"] = "365",
            [$"{RetentionOptions.Section}:BatchSize"] = "2",
        });

    private static async Task<ClosedCaseRecord> ReadClosedAsync(HotlineApp hotline, CaseHistoryReader history, User reader, Guid caseId)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        return await history.ReadClosedAsync(session, reader, caseId, Ct) ?? throw new InvalidOperationException("The closed case was not readable.");
    }

    private static Task<DateTimeOffset> LastInboundAsync(HotlineApp hotline, Guid conversationId) =>
        ScalarAsync<DateTimeOffset>(hotline, "SELECT LastInboundAt FROM Conversations WHERE Id = @Id", new { Id = conversationId });

    private static async Task AddOutboxRowAsync(HotlineApp hotline, Guid caseId, Guid conversationId, DateTimeOffset createdAt, string status)
    {
        var message = NewMessage(caseId, conversationId, MessageDirection.Outbound, "reply", null, null, createdAt);
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            await hotline.Get<MessageRepository>().AddAsync(session, message, Ct);
            await session.ExecuteAsync("Outbox_Create", new
            {
                Id = Guid.NewGuid(), MessageId = message.Id, ConversationId = conversationId, Channel = nameof(Channel.Sms), NextAttemptAt = createdAt,
                SendWhileQuietAtVersion = (int?)null, CreatedAt = createdAt, TraceParent = (string?)null,
            }, Ct);
            await session.CommitAsync(Ct);
        }

        await RawAsync(hotline, "UPDATE Outbox SET Status = @Status WHERE MessageId = @MessageId", new { Status = status, MessageId = message.Id });
    }
}
