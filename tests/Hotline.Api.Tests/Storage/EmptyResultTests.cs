using Hotline.Api.Erasure;
using Hotline.Api.Quarantine;
using Hotline.Api.TwilioDeletion;

namespace Hotline.Api.Tests.Storage;

/// <summary>
/// Every query that maps rows to a record, run where it finds nothing, on both engines. On SQLite an empty result types a
/// computed column as a blob, and Dapper's default constructor lookup then fails the query instead of
/// returning no rows: a fresh database (the newcomer's first hour) meets that before any test that first
/// adds a caseworker does.
/// </summary>
public sealed class EmptyResultTests
{
    [Theory, DatabaseData]
    public async Task The_session_key_ring_of_a_database_without_one_is_empty(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await hotline.ExecuteAsync("DELETE FROM DataProtectionKeys");

        Assert.Empty(hotline.Get<Hotline.Api.SessionKeys.DatabaseKeyRepository>().GetAllElements());
    }

    [Theory, DatabaseData]
    public async Task The_language_backfill_of_a_database_without_cases_routes_none(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);

        await hotline.Get<CaseLanguageBackfill>().RunAsync(Ct);

        Assert.Equal(0, await hotline.CountAsync("SELECT COUNT(*) FROM CaseEvents"));
    }

    [Theory, DatabaseData]
    public async Task The_supervisors_workload_of_a_database_without_caseworkers_is_empty(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);

        var workload = await hotline.Get<QueueStatisticsReader>().ReadWorkloadAsync(session, Ct);

        Assert.Empty(workload);
    }

    [Theory, DatabaseData]
    public async Task A_fresh_database_has_no_translation_corrections_and_is_at_version_0(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);
        var store = hotline.Get<TranslationRevisionStore>();

        Assert.Empty(await store.ReadThroughAsync(session, long.MaxValue, Ct));
        Assert.Equal(0, await store.ReadLatestVersionAsync(session, Ct));
    }

    [Theory, DatabaseData]
    public async Task The_sign_in_facts_of_a_database_without_accounts_are_none(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);

        Assert.Empty(await hotline.Get<UserRepository>().ReadSignInFactsAsync(session, Ct));
    }

    [Theory, DatabaseData]
    public async Task Queue_statistics_of_an_empty_queue_are_zero(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);

        var statistics = await hotline.Get<QueueStatisticsReader>().ReadAsync(session, 0, Ct);

        Assert.Equal((0, 0, 0.0), (statistics.Queued, statistics.Claimed, statistics.OldestWaitingSeconds));
        Assert.Equal((0, 0, 0), (statistics.Answered, statistics.Quiet, statistics.OptedOut));
        Assert.Empty(statistics.QueuedByPriority);
    }

    [Theory, DatabaseData]
    public async Task Measured_waits_of_a_queue_where_nobody_was_claimed_are_none(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);

        Assert.Empty(await hotline.Get<Hotline.Api.Availability.MeasuredWaits>().ReadAsync(session, hotline.Time.GetUtcNow(), Ct));
    }

    [Theory, DatabaseData]
    public async Task An_empty_quarantine_has_no_rows_and_no_counts(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);
        var quarantine = hotline.Get<QuarantineStore>();

        Assert.Empty(await quarantine.ReadRecentAsync(session, Ct));
        Assert.Empty(await quarantine.CountBySourceAsync(session, Ct));
    }

    [Theory, DatabaseData]
    public async Task The_waits_of_an_empty_queue_are_none_by_band_and_none_by_language(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);

        var waits = await hotline.Get<QueueStatisticsReader>().ReadWaitsAsync(session, Ct);

        Assert.Empty(waits.Bands);
        Assert.Empty(waits.Languages);
    }

    [Theory, DatabaseData]
    public async Task The_backlog_of_an_empty_outbox_is_zero_with_no_oldest_message(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);

        var backlog = await hotline.Get<OutboxRepository>().ReadBacklogAsync(session, Ct);

        Assert.Equal(new OutboxBacklog { Messages = 0, OldestCreatedAt = null }, backlog);
    }

    [Theory, DatabaseData]
    public async Task The_backlog_of_an_empty_media_queue_is_zero_with_no_oldest_item(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);

        var backlog = await hotline.Get<MediaItemRepository>().ReadBacklogAsync(session, Ct);

        Assert.Equal(new MediaBacklog { Items = 0, OldestCreatedAt = null }, backlog);
    }

    [Theory, DatabaseData]
    public async Task The_case_read_model_finds_no_open_case_summary_or_detail(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var caseworker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var read = hotline.Get<CaseReadModel>();
        await using var session = await hotline.Database.OpenAsync(Ct);

        Assert.Empty((await read.ReadQueueAsync(session, caseworker, Ct)).Cases);
        Assert.Null(await read.ReadSummaryAsync(session, Guid.NewGuid(), Ct));
        Assert.Null(await read.ReadDetailAsync(session, Guid.NewGuid(), caseworker, Ct));
    }

    [Theory, DatabaseData]
    public async Task The_case_queue_finds_no_open_case_and_claims_nothing(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var caseworker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        await using (var session = await hotline.Database.OpenAsync(Ct))
        {
            Assert.Null(await hotline.Get<CaseQueue>().FindOpenAsync(session, Guid.NewGuid(), Ct));
            Assert.Null(await hotline.Get<CaseQueue>().FindOpenForIntakeAsync(session, Guid.NewGuid(), Ct));
        }

        Assert.Null(await hotline.Get<CaseQueue>().ClaimNextAsync(caseworker.Id, TimeSpan.FromMinutes(5), Ct));
    }

    [Theory, DatabaseData]
    public async Task The_case_event_log_and_notes_of_an_unknown_case_are_empty(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);

        Assert.Empty(await hotline.Get<CaseEventLog>().ReadAfterAsync(session, 0, 100, Ct));
        Assert.Empty(await hotline.Get<CaseEventLog>().ReadByCaseAsync(session, Guid.NewGuid(), Ct));
        Assert.Empty(await hotline.Get<CaseNoteRepository>().ReadByCaseAsync(session, Guid.NewGuid(), Ct));
    }

    [Theory, DatabaseData]
    public async Task Conversations_and_messages_that_do_not_exist_are_not_found(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);

        Assert.Null(await hotline.Get<ConversationRepository>().FindByAddressAsync(session, hotline.NextPhone(), Ct));
        Assert.Null(await hotline.Get<ConversationRepository>().FindByIdAsync(session, Guid.NewGuid(), Ct));
        Assert.Null(await hotline.Get<MessageRepository>().FindRepeatAsync(session, Channel.Sms, "SM0000", Ct));
        Assert.Null(await hotline.Get<MessageRepository>().FindByIdAsync(session, Guid.NewGuid(), Ct));
        Assert.Empty(await hotline.Get<MessageRepository>().ReadConversationAsync(session, Guid.NewGuid(), Ct));
        Assert.Empty(await hotline.Get<MessageRepository>().ReadCaseAsync(session, Guid.NewGuid(), Ct));
        Assert.Empty(await hotline.Get<MessageRepository>().ReadByIdsAsync(session, [Guid.NewGuid()], Ct));
        Assert.Empty(await hotline.Get<ConversationRepository>().ReadForSendingByIdsAsync(session, [Guid.NewGuid()], Ct));
    }

    [Theory, DatabaseData]
    public async Task Media_items_that_do_not_exist_are_not_found_and_none_is_due(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);

        Assert.Null(await hotline.Get<MediaItemRepository>().FindAsync(session, Guid.NewGuid(), Ct));
        Assert.Empty(await hotline.Get<MediaItemRepository>().ReadConversationAsync(session, Guid.NewGuid(), Ct));
        Assert.Empty(await hotline.Get<MediaItemRepository>().ReadDueAsync(session, DateTimeOffset.UtcNow, 10, Ct));
    }

    [Theory, DatabaseData]
    public async Task Users_are_not_found_and_none_is_active_in_an_empty_database(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);

        Assert.Null(await hotline.Get<UserRepository>().FindByIdAsync(session, Guid.NewGuid(), Ct));
        Assert.Null(await hotline.Get<UserRepository>().FindByUserNameAsync(session, "nobody", Ct));
        Assert.Empty(await hotline.Get<UserRepository>().ReadActiveAsync(session, Ct));
    }

    [Theory, DatabaseData]
    public async Task Partners_and_referrals_that_do_not_exist_are_not_found(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var referrals = hotline.Get<ReferralRepository>();
        var partners = hotline.Get<PartnerRepository>();
        await using var session = await hotline.Database.OpenAsync(Ct);

        Assert.Empty(await partners.ReadAllAsync(session, Ct));
        Assert.Null(await partners.FindByIdAsync(session, Guid.NewGuid(), Ct));
        Assert.Null(await referrals.FindByIdAsync(session, Guid.NewGuid(), Ct));
        Assert.Empty(await referrals.ReadByCaseAsync(session, Guid.NewGuid(), Ct));
        Assert.Empty(await referrals.ReadInboxAsync(session, Guid.NewGuid(), Ct));
        Assert.Null(await referrals.FindInInboxAsync(session, Guid.NewGuid(), Guid.NewGuid(), Ct));
    }

    [Theory, DatabaseData]
    public async Task The_outbox_chat_routes_and_reply_journal_know_nothing_of_unknown_ids(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);

        Assert.Null(await hotline.Get<OutboxRepository>().FindAsync(session, Guid.NewGuid(), Ct));
        Assert.Null(await hotline.Get<ChatRouteRepository>().FindAsync(session, Guid.NewGuid(), Ct));
        Assert.Null(await hotline.Get<ChatReplyJournal>().ReadAsync(Guid.NewGuid(), Ct));
    }

    [Theory, DatabaseData]
    public async Task A_claim_of_outbox_rows_that_do_not_exist_takes_none(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.BeginWriteAsync(Ct);

        Assert.Empty(await hotline.Get<OutboxRepository>().ClaimAllAsync(session, [Guid.NewGuid()], hotline.Time.GetUtcNow(), TimeSpan.FromMinutes(1), Ct));
    }

    [Theory, DatabaseData]
    public async Task A_delivery_status_for_an_unknown_message_is_kept_until_the_message_is_sent(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await hotline.Get<DeliveryRecorder>().RecordCallbackAsync(Channel.Sms, "SM0000", "delivered", null, windowClosed: false, Ct);

        await using var session = await hotline.Database.OpenAsync(Ct);
        Assert.Equal(1, await session.Connection.ExecuteScalarCountAsync("SELECT COUNT(*) FROM EarlyDeliveryStatuses"));
    }

    [Theory, DatabaseData]
    public async Task A_whatsapp_message_from_a_person_with_no_held_reply_releases_nothing(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.BeginWriteAsync(Ct);

        await hotline.Get<Hotline.Api.WhatsApp.WhatsAppHolds>().ReleaseAsync(session, Guid.NewGuid(), Ct);
        await session.CommitAsync(Ct);

        Assert.Equal(0, await hotline.CountAsync("SELECT COUNT(*) FROM Outbox"));
    }

    [Theory, DatabaseData]
    public async Task Statistics_of_an_empty_database_have_no_counts(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var report = hotline.Get<StatisticsReport>();

        var view = await report.BuildAsync(new MonthRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 1)), Ct);

        Assert.True(view.Progress.UpToDate);
    }

    [Theory, DatabaseData]
    public async Task A_batch_of_cases_without_replies_referrals_or_earlier_counts_is_counted(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await hotline.QueueCaseAsync("ne", PriorityBand.Low);

        var progress = await hotline.Get<StatisticsProjection>().CatchUpAsync(10, Ct);

        Assert.True(progress.UpToDate);
        await using var session = await hotline.Database.OpenAsync(Ct);
        Assert.Equal(1, await session.Connection.ExecuteScalarCountAsync("SELECT COUNT(*) FROM StatisticsCaseFacts"));
    }

    [Theory, DatabaseData]
    public async Task A_retention_sweep_of_an_empty_database_finds_nothing_to_remove(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var swept = await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal((0, 0, 0, 0), (swept.Cases, swept.Conversations, swept.OutboxRows, swept.AuditEntries));
    }

    [Theory, DatabaseData]
    public async Task Verifying_an_audit_chain_without_a_retention_anchor_starts_at_its_first_row(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var verification = await hotline.Get<AuditVerifier>().VerifyAsync(Ct);

        Assert.Equal((true, 0L), (verification.Intact, verification.AnchoredAfter));
    }

    [Theory, DatabaseData]
    public async Task Erasing_a_number_thehotline_never_heard_from_finds_nothing(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var outcome = await hotline.Get<PersonErasure>().EraseAsync(hotline.NextPhone(), false, "operator", null, Ct);

        Assert.Equal(new ErasureReport(false, ErasedCounts.None, 0), outcome.Value);
    }

    [Theory, DatabaseData]
    public async Task No_deletion_at_Twilio_is_due_in_a_fresh_database(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);

        var due = await hotline.Get<TwilioDeletions>().ReadDueAsync(session, HotlineApp.PartsClockStart, 10, Ct);

        Assert.Empty(due);
    }

    [Theory, DatabaseData]
    public async Task A_case_without_photos_has_none_a_referral_could_share(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await using var session = await hotline.Database.OpenAsync(Ct);

        var photos = await hotline.Get<MediaItemRepository>().ReadShareablePhotosAsync(session, Guid.NewGuid(), HotlineApp.PartsClockStart, Ct);

        Assert.Empty(photos);
    }
}
