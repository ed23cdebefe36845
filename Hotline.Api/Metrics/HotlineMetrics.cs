using System.Diagnostics.Metrics;
using Hotline.Bot.Channels;
using Hotline.Bot.Triage;

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
    private readonly Counter<long> _rowsQuarantined;
    private readonly Histogram<double> _queuedToClaimed;

    public HotlineMetrics(IMeterFactory meters, OperationalSnapshot snapshot)
    {
        _meter = meters.Create(MeterName);
        _inbound = _meter.CreateCounter<long>("hotline.inbound.messages", "{message}",
            "Messages received from a channel, stored or recognised as a repeat.");
        _outboxSent = _meter.CreateCounter<long>("hotline.outbox.sent", "{message}", "Messages the provider accepted.");
        _outboxFailed = _meter.CreateCounter<long>("hotline.outbox.failed", "{message}", "Messages given up on.");
        _twilioSendErrors = _meter.CreateCounter<long>("hotline.twilio.send_errors", "{error}",
            "Twilio REST calls to send a message that did not answer with an accepted message.");
        _loopFailures = _meter.CreateCounter<long>("hotline.loop.failures", "{failure}", "Background passes that failed.");
        _rowsQuarantined = _meter.CreateCounter<long>("hotline.quarantine.set_aside", "{row}",
            "Rows this instance set aside because a background job could not read them, by source.");
        _meter.CreateObservableGauge("hotline.quarantined.rows", () => snapshot.QuarantinedRows, "{row}",
            "Rows in quarantine, by source: any at all needs an operator (see docs/when-things-fail.md).");
        _queuedToClaimed = _meter.CreateHistogram<double>("hotline.queue.claim_wait", "s",
            "How long a case waited in the queue before a caseworker claimed it.");
        _meter.CreateObservableGauge("hotline.outbox.pending", () => snapshot.OutboxPending, "{message}",
            "Messages waiting to be sent or being sent.");
        _meter.CreateObservableGauge("hotline.outbox.oldest_pending_age", () => snapshot.OutboxOldestPendingSeconds, "s",
            "How long the oldest message waiting to be sent has waited.");
        _meter.CreateObservableGauge("hotline.ready", () => snapshot.Ready, null,
            "1 when this instance's readiness checks last passed (database, migrations, background loops), else 0.");
        _meter.CreateObservableGauge("hotline.queue.depth", () => snapshot.QueueDepth, "{case}", "Cases waiting, by priority band.");
        _meter.CreateObservableGauge("hotline.queue.oldest_waiting", () => snapshot.QueueOldestWaiting, "s",
            "How long the oldest waiting case of each priority band has waited.");
    }

    public void MessageReceived(Channel channel, bool repeat) =>
        _inbound.Add(1, new("channel", channel.ToString()), new("result", repeat ? "duplicate" : "stored"));

    public void OutboxSent(Channel channel) => _outboxSent.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString()));

    public void OutboxFailed(Channel channel) => _outboxFailed.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString()));

    /// <summary>kind: rate_limited, server_error, rejected or no_answer.</summary>
    public void TwilioSendError(string kind) => _twilioSendErrors.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>source: one of <see cref="Quarantine.QuarantineSources"/>.</summary>
    public void RowQuarantined(string source) => _rowsQuarantined.Add(1, new KeyValuePair<string, object?>("source", source));

    public void LoopFailed(string loop) => _loopFailures.Add(1, new KeyValuePair<string, object?>("loop", loop));

    public void CaseClaimed(PriorityBand band, TimeSpan waited) =>
        _queuedToClaimed.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>("band", band.ToString()));

    public void Dispose() => _meter.Dispose();
}
