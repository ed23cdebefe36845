using System.Diagnostics.Metrics;

namespace Hotline.Api.Metrics;

/// <summary>
/// The hotline's own instruments, in one place so that every name an alert rule uses is written once. Tags
/// carry only a channel, a band, a loop's name or a kind of error: never a phone number, a text or an id,
/// because a scrape is read by people who must not learn who wrote.
/// </summary>
public sealed class HotlineMetrics : IDisposable
{
    public const string MeterName = "Hotline";

    private readonly Meter _meter;
    private readonly Counter<long> _inbound;
    private readonly Counter<long> _outboxSent;
    private readonly Counter<long> _outboxFailed;
    private readonly Counter<long> _twilioSendErrors;
    private readonly Counter<long> _loopFailures;
    private readonly Counter<long> _twilioDeletionsDone;
    private readonly Counter<long> _twilioDeletionsFailed;
    private readonly Counter<long> _rowsQuarantined;
    private readonly Histogram<double> _queuedToClaimed;
    private readonly Counter<long> _webhooksRefused;
    private readonly Histogram<double> _webhookAnswer;
    private readonly Counter<long> _outboxOutcomeUnknown;
    private readonly Histogram<double> _firstReply;
    private readonly Counter<long> _reconciliationFound;

    public HotlineMetrics(IMeterFactory meters, OperationalSnapshot snapshot, Database database)
    {
        _meter = meters.Create(MeterName);
        _inbound = _meter.CreateCounter<long>("hotline.inbound.messages", "{message}",
            "Messages received from a channel, stored or recognised as a repeat.");
        _outboxSent = _meter.CreateCounter<long>("hotline.outbox.sent", "{message}", "Messages the provider accepted.");
        _outboxFailed = _meter.CreateCounter<long>("hotline.outbox.failed", "{message}", "Messages given up on.");
        _twilioSendErrors = _meter.CreateCounter<long>("hotline.twilio.send_errors", "{error}",
            "Twilio REST calls to send a message that did not answer with an accepted message.");
        _twilioDeletionsDone = _meter.CreateCounter<long>("hotline.twilio.deletions_done", "{message}",
            "Messages deleted at Twilio (with their media), or found already gone.");
        _twilioDeletionsFailed = _meter.CreateCounter<long>("hotline.twilio.deletion_failures", "{attempt}",
            "Attempts to delete a message at Twilio that failed and will be tried again.");
        _loopFailures = _meter.CreateCounter<long>("hotline.loop.failures", "{failure}", "Background passes that failed.");
        _rowsQuarantined = _meter.CreateCounter<long>("hotline.quarantine.set_aside", "{row}",
            "Rows this instance set aside because a background job could not read them, by source.");
        _meter.CreateObservableGauge("hotline.quarantined.rows", () => snapshot.QuarantinedRows, "{row}",
            "Rows in quarantine, by source: any at all needs an operator (see docs/when-things-fail.md).");
        _queuedToClaimed = _meter.CreateHistogram<double>("hotline.queue.claim_wait", "s",
            "How long a case waited in the queue before a caseworker claimed it.");
        _webhooksRefused = _meter.CreateCounter<long>("hotline.inbound.refused", "{request}",
            "Webhook requests refused before anything was stored (bad signature or token, malformed body), by channel and reason.");
        _webhookAnswer = _meter.CreateHistogram<double>("hotline.webhook.answer_time", "s",
            "How long an inbound webhook took from its arrival to its answer (after the commit), by channel.");
        _outboxOutcomeUnknown = _meter.CreateCounter<long>("hotline.outbox.outcome_unknown", "{attempt}",
            "Send attempts whose outcome is unknown (a timeout, a 5xx, a dropped connection): the provider is asked before any resend.");
        _firstReply = _meter.CreateHistogram<double>("hotline.case.first_reply_wait", "s",
            "How long a case waited from being queued to its first caseworker reply, by priority band.");
        _reconciliationFound = _meter.CreateCounter<long>("hotline.reconciliation.found", "{message}",
            "Inbound messages reconciliation found at the provider that no webhook had stored.");
        _meter.CreateObservableGauge("hotline.hub.connections", () => snapshot.HubConnections, "{connection}",
            "Console connections to this instance's case hub.");
        _meter.CreateObservableGauge("hotline.queue.depth_by_language", () => snapshot.QueueDepthByLanguage, "{case}",
            "Cases whose person waits for a reply (never answered, or written to since the last reply, and not quiet or opted out), by language.");
        _meter.CreateObservableGauge("hotline.queue.oldest_waiting_by_language", () => snapshot.QueueOldestWaitingByLanguage, "s",
            "How long the longest-waiting person of each language has waited for a reply, as hotline.queue.oldest_waiting counts it.");
        _meter.CreateObservableGauge("hotline.outbox.pending", () => snapshot.OutboxPending, "{message}",
            "Messages waiting to be sent or being sent.");
        _meter.CreateObservableGauge("hotline.outbox.oldest_pending_age", () => snapshot.OutboxOldestPendingSeconds, "s",
            "How long the oldest message waiting to be sent has waited.");
        _meter.CreateObservableGauge("hotline.media.pending", () => snapshot.MediaPending, "{item}",
            "Attachments waiting to be fetched and kept, or kept with the provider's copy still to delete.");
        _meter.CreateObservableGauge("hotline.media.oldest_pending_age", () => snapshot.MediaOldestPendingSeconds, "s",
            "How long the oldest attachment still waiting for the media job has waited.");
        _meter.CreateObservableGauge("hotline.ready", () => snapshot.Ready, null,
            "1 when this instance's readiness checks last passed (database, migrations, background loops), else 0.");
        _meter.CreateObservableCounter("hotline.sqlite.writer_busy", () => WriterBusy(database), "s",
            "How long SQLite's single writer has been held (absent on SQL Server): its rate is the writer's load; the higher, the longer webhooks queue behind it.");
        _meter.CreateObservableGauge("hotline.queue.depth", () => snapshot.QueueDepth, "{case}", "Cases in the queue, whatever their person waits for, by priority band.");
        _meter.CreateObservableGauge("hotline.queue.cannot_be_written_to", () => snapshot.QueueCannotBeWrittenTo, "{case}",
            "Cases in the queue whose person went quiet or opted out, by priority band: counted in hotline.queue.depth, never in hotline.queue.oldest_waiting.");
        _meter.CreateObservableGauge("hotline.queue.oldest_untaken_critical_cannot_be_written_to",
            () => snapshot.QueueOldestUntakenCriticalCannotBeWrittenToSeconds, "s",
            "How long the oldest Critical case in the queue whose person went quiet or opted out has been so with no caseworker taking it (0 when there is none).");
        _meter.CreateObservableGauge("hotline.queue.oldest_waiting", () => snapshot.QueueOldestWaiting, "s",
            "How long the longest-waiting person of each priority band has waited for a reply (0 when nobody there waits for one).");
    }

    public void MessageReceived(Channel channel, bool repeat) =>
        _inbound.Add(1, new("channel", channel.ToString()), new("result", repeat ? "duplicate" : "stored"));

    public void OutboxSent(Channel channel) => _outboxSent.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString()));

    public void OutboxFailed(Channel channel) => _outboxFailed.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString()));

    /// <summary>kind: rate_limited, server_error, credentials_refused, rejected, no_answer, unreadable_answer or whatsapp_window_closed.</summary>
    public void TwilioSendError(string kind) => _twilioSendErrors.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void TwilioDeletionDone() => _twilioDeletionsDone.Add(1);

    /// <summary>kind: server_error, refused or no_answer.</summary>
    public void TwilioDeletionFailed(string kind) => _twilioDeletionsFailed.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>source: one of <see cref="Quarantine.QuarantineSources"/>.</summary>
    public void RowQuarantined(string source) => _rowsQuarantined.Add(1, new KeyValuePair<string, object?>("source", source));

    /// <summary>channel: "twilio" or "bot"; reason: a word for the refusal (see <see cref="WebhookTelemetryFilter"/>).</summary>
    public void WebhookRefused(string channel, string reason) =>
        _webhooksRefused.Add(1, new("channel", channel), new("reason", reason));

    public void WebhookAnswered(string channel, TimeSpan took) =>
        _webhookAnswer.Record(took.TotalSeconds, new KeyValuePair<string, object?>("channel", channel));

    public void OutboxOutcomeUnknown(Channel channel) => _outboxOutcomeUnknown.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString()));

    public void FirstCaseworkerReply(PriorityBand band, TimeSpan waited) =>
        _firstReply.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>("band", band.ToString()));

    public void ReconciliationFound(int messages) => _reconciliationFound.Add(messages);

    public void LoopFailed(string loop) => _loopFailures.Add(1, new KeyValuePair<string, object?>("loop", loop));

    public void CaseClaimed(PriorityBand band, TimeSpan waited) =>
        _queuedToClaimed.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>("band", band.ToString()));

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<double>> WriterBusy(Database database) =>
        database.SqliteWriterHeld is { } held ? [new Measurement<double>(held.TotalSeconds)] : [];
}
