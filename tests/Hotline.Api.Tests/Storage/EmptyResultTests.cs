using Hotline.Api.Erasure;
using Hotline.Api.Quarantine;
using Hotline.Api.TwilioDeletion;

namespace Hotline.Api.Tests.Storage;

/// <summary>
/// Every query that maps rows to a record, run where it finds nothing. On SQLite an empty result types a
/// computed column as a blob, and Dapper's default constructor lookup then fails the query instead of
/// returning no rows: a fresh database (the newcomer's first hour) meets that before any test that first
/// adds a caseworker does.
/// </summary>
public sealed class EmptyResultTests : IAsyncLifetime
{
    private HotlineApp _hotline = null!;

    public async ValueTask InitializeAsync()
    {
        _hotline = await HotlineApp.StartPartsAsync();
    }

    public async ValueTask DisposeAsync() => await _hotline.DisposeAsync();

    [Fact]
    public async Task The_session_key_ring_of_a_database_without_one_is_empty()
    {
        await _hotline.ExecuteAsync("DELETE FROM DataProtectionKeys");

        Assert.Empty(_hotline.Get<Hotline.Api.SessionKeys.DatabaseKeyRepository>().GetAllElements());
    }

    [Fact]
    public async Task The_supervisors_workload_of_a_database_without_caseworkers_is_empty()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);

        var workload = await _hotline.Get<QueueStatisticsReader>().ReadWorkloadAsync(session, Ct);

        Assert.Empty(workload);
    }

    [Fact]
    public async Task A_fresh_database_has_no_translation_corrections_and_is_at_version_0()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);
        var store = _hotline.Get<TranslationRevisionStore>();

        Assert.Empty(await store.ReadThroughAsync(session, long.MaxValue, Ct));
        Assert.Equal(0, await store.ReadLatestVersionAsync(session, Ct));
    }

    [Fact]
    public async Task The_sign_in_facts_of_a_database_without_accounts_are_none()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);

        Assert.Empty(await _hotline.Get<UserRepository>().ReadSignInFactsAsync(session, Ct));
    }

    [Fact]
    public async Task Queue_statistics_of_an_empty_queue_are_zero()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);

        var statistics = await _hotline.Get<QueueStatisticsReader>().ReadAsync(session, 0, Ct);

        Assert.Equal((0, 0, 0.0), (statistics.Queued, statistics.Claimed, statistics.OldestWaitingSeconds));
        Assert.Empty(statistics.QueuedByPriority);
    }

    [Fact]
    public async Task Measured_waits_of_a_queue_where_nobody_was_claimed_are_none()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);

        Assert.Empty(await _hotline.Get<Hotline.Api.Availability.MeasuredWaits>().ReadAsync(session, _hotline.Time.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task An_empty_quarantine_has_no_rows_and_no_counts()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);
        var quarantine = _hotline.Get<QuarantineStore>();

        Assert.Empty(await quarantine.ReadRecentAsync(session, Ct));
        Assert.Empty(await quarantine.CountBySourceAsync(session, Ct));
    }

    [Fact]
    public async Task The_waiting_bands_of_an_empty_queue_are_none()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);

        Assert.Empty(await _hotline.Get<QueueStatisticsReader>().ReadWaitingBandsAsync(session, Ct));
    }

    [Fact]
    public async Task The_backlog_of_an_empty_outbox_is_zero_with_no_oldest_message()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);

        var backlog = await _hotline.Get<OutboxRepository>().ReadBacklogAsync(session, Ct);

        Assert.Equal(new OutboxBacklog { Messages = 0, OldestCreatedAt = null }, backlog);
    }

    [Fact]
    public async Task The_backlog_of_an_empty_media_queue_is_zero_with_no_oldest_item()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);

        var backlog = await _hotline.Get<MediaItemRepository>().ReadBacklogAsync(session, Ct);

        Assert.Equal(new MediaBacklog { Items = 0, OldestCreatedAt = null }, backlog);
    }

    [Fact]
    public async Task The_case_read_model_finds_no_open_case_summary_or_detail()
    {
        var caseworker = await _hotline.AddUserAsync(UserRole.Caseworker, "en");
        var read = _hotline.Get<CaseReadModel>();
        await using var session = await _hotline.Database.OpenAsync(Ct);

        Assert.Empty((await read.ReadQueueAsync(session, caseworker, Ct)).Cases);
        Assert.Null(await read.ReadSummaryAsync(session, Guid.NewGuid(), Ct));
        Assert.Null(await read.ReadDetailAsync(session, Guid.NewGuid(), caseworker, Ct));
    }

    [Fact]
    public async Task The_case_queue_finds_no_open_case_and_claims_nothing()
    {
        var caseworker = await _hotline.AddUserAsync(UserRole.Caseworker, "en");
        await using (var session = await _hotline.Database.OpenAsync(Ct))
        {
            Assert.Null(await _hotline.Get<CaseQueue>().FindOpenAsync(session, Guid.NewGuid(), Ct));
            Assert.Null(await _hotline.Get<CaseQueue>().FindOpenForIntakeAsync(session, Guid.NewGuid(), Ct));
        }

        Assert.Null(await _hotline.Get<CaseQueue>().ClaimNextAsync(caseworker.Id, TimeSpan.FromMinutes(5), Ct));
    }

    [Fact]
    public async Task The_case_event_log_and_notes_of_an_unknown_case_are_empty()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);

        Assert.Empty(await _hotline.Get<CaseEventLog>().ReadAfterAsync(session, 0, 100, Ct));
        Assert.Empty(await _hotline.Get<CaseEventLog>().ReadByCaseAsync(session, Guid.NewGuid(), Ct));
        Assert.Empty(await _hotline.Get<CaseNoteRepository>().ReadByCaseAsync(session, Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Conversations_and_messages_that_do_not_exist_are_not_found()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);

        Assert.Null(await _hotline.Get<ConversationRepository>().FindByAddressAsync(session, _hotline.NextPhone(), Ct));
        Assert.Null(await _hotline.Get<ConversationRepository>().FindByIdAsync(session, Guid.NewGuid(), Ct));
        Assert.Null(await _hotline.Get<MessageRepository>().FindByChannelMessageIdAsync(session, Channel.Sms, "SM0000", Ct));
        Assert.Null(await _hotline.Get<MessageRepository>().FindByIdAsync(session, Guid.NewGuid(), Ct));
        Assert.Empty(await _hotline.Get<MessageRepository>().ReadConversationAsync(session, Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Media_items_that_do_not_exist_are_not_found_and_none_is_due()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);

        Assert.Null(await _hotline.Get<MediaItemRepository>().FindAsync(session, Guid.NewGuid(), Ct));
        Assert.Empty(await _hotline.Get<MediaItemRepository>().ReadConversationAsync(session, Guid.NewGuid(), Ct));
        Assert.Empty(await _hotline.Get<MediaItemRepository>().ReadDueAsync(session, DateTimeOffset.UtcNow, 10, Ct));
    }

    [Fact]
    public async Task Users_are_not_found_and_none_is_active_in_an_empty_database()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);

        Assert.Null(await _hotline.Get<UserRepository>().FindByIdAsync(session, Guid.NewGuid(), Ct));
        Assert.Null(await _hotline.Get<UserRepository>().FindByUserNameAsync(session, "nobody", Ct));
        Assert.Empty(await _hotline.Get<UserRepository>().ReadActiveAsync(session, Ct));
    }

    [Fact]
    public async Task Partners_and_referrals_that_do_not_exist_are_not_found()
    {
        var referrals = _hotline.Get<ReferralRepository>();
        var partners = _hotline.Get<PartnerRepository>();
        await using var session = await _hotline.Database.OpenAsync(Ct);

        Assert.Empty(await partners.ReadAllAsync(session, Ct));
        Assert.Null(await partners.FindByIdAsync(session, Guid.NewGuid(), Ct));
        Assert.Null(await referrals.FindByIdAsync(session, Guid.NewGuid(), Ct));
        Assert.Empty(await referrals.ReadByCaseAsync(session, Guid.NewGuid(), Ct));
        Assert.Empty(await referrals.ReadInboxAsync(session, Guid.NewGuid(), Ct));
        Assert.Null(await referrals.FindInInboxAsync(session, Guid.NewGuid(), Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task The_outbox_chat_routes_and_reply_journal_know_nothing_of_unknown_ids()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);

        Assert.Null(await _hotline.Get<OutboxRepository>().FindAsync(session, Guid.NewGuid(), Ct));
        Assert.Null(await _hotline.Get<ChatRouteRepository>().FindAsync(session, Guid.NewGuid(), Ct));
        Assert.Null(await _hotline.Get<ChatReplyJournal>().ReadAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task A_delivery_status_for_an_unknown_message_is_kept_until_the_message_is_sent()
    {
        await _hotline.Get<DeliveryRecorder>().RecordCallbackAsync(Channel.Sms, "SM0000", "delivered", null, windowClosed: false, Ct);

        await using var session = await _hotline.Database.OpenAsync(Ct);
        Assert.Equal(1, await session.Connection.ExecuteScalarCountAsync("SELECT COUNT(*) FROM EarlyDeliveryStatuses"));
    }

    [Fact]
    public async Task A_whatsapp_message_from_a_person_with_no_held_reply_releases_nothing()
    {
        await using var session = await _hotline.Database.BeginWriteAsync(Ct);

        await _hotline.Get<Hotline.Api.WhatsApp.WhatsAppHolds>().ReleaseAsync(session, Guid.NewGuid(), Ct);
        await session.CommitAsync(Ct);

        Assert.Equal(0, await _hotline.CountAsync("SELECT COUNT(*) FROM Outbox"));
    }

    [Fact]
    public async Task Statistics_of_an_empty_database_have_no_counts()
    {
        var report = _hotline.Get<StatisticsReport>();

        var view = await report.BuildAsync(new MonthRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 1)), Ct);

        Assert.True(view.Progress.UpToDate);
    }

    [Fact]
    public async Task A_batch_of_cases_without_replies_referrals_or_earlier_counts_is_counted()
    {
        await _hotline.QueueCaseAsync("ne", PriorityBand.Low);

        var progress = await _hotline.Get<StatisticsProjection>().CatchUpAsync(10, Ct);

        Assert.True(progress.UpToDate);
        await using var session = await _hotline.Database.OpenAsync(Ct);
        Assert.Equal(1, await session.Connection.ExecuteScalarCountAsync("SELECT COUNT(*) FROM StatisticsCaseFacts"));
    }

    [Fact]
    public async Task A_retention_sweep_of_an_empty_database_finds_nothing_to_remove()
    {
        var swept = await _hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal((0, 0, 0, 0), (swept.Cases, swept.Conversations, swept.OutboxRows, swept.AuditEntries));
    }

    [Fact]
    public async Task Verifying_an_audit_chain_without_a_retention_anchor_starts_at_its_first_row()
    {
        var verification = await _hotline.Get<AuditVerifier>().VerifyAsync(Ct);

        Assert.Equal((true, 0L), (verification.Intact, verification.AnchoredAfter));
    }

    [Fact]
    public async Task Erasing_a_number_the_hotline_never_heard_from_finds_nothing()
    {
        var outcome = await _hotline.Get<PersonErasure>().EraseAsync(_hotline.NextPhone(), false, "operator", null, Ct);

        Assert.Equal(new ErasureReport(false, ErasedCounts.None, 0), outcome.Value);
    }

    [Fact]
    public async Task No_deletion_at_Twilio_is_due_in_a_fresh_database()
    {
        await using var session = await _hotline.Database.OpenAsync(Ct);

        var due = await _hotline.Get<TwilioDeletions>().ReadDueAsync(session, HotlineApp.PartsClockStart, 10, Ct);

        Assert.Empty(due);
    }
}
