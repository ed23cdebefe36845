using System.Net;
using Hotline.Api.Tests.Twilio.Fakes;

namespace Hotline.Api.Tests.Chaos;

/// <summary>
/// The chaos run's verdict, from what the sender posted, what reached the Twilio stand-in, what the consoles
/// learnt and the tables read afterwards: each check's figures, and the checks missed.
/// </summary>
public sealed class ChaosReport
{
    /// <summary>How fast ingest must be back to its rate before a kill.</summary>
    public static readonly TimeSpan RecoveryTarget = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(2);

    private readonly List<string> _lines = [];
    private readonly List<string> _misses = [];
    private readonly List<string> _slow = [];

    public ChaosReport(
        IReadOnlyCollection<TwilioLikeSender.Posted> posted, IReadOnlyList<CreatedMessage> created, ChaosTables tables,
        IReadOnlyList<ChaosConsoles.ConsoleView> consoles, IReadOnlyList<TimeSpan> kills, TimeSpan settledAfter, int twilioFailures)
    {
        CheckInbound(posted, tables);
        CheckReplies(posted, created, tables, twilioFailures);
        CheckCases(consoles, tables);
        CheckRecovery(posted, kills);
        _lines.Add($"settled (outbox empty, statistics caught up) {settledAfter.TotalSeconds:F1} s after the last message");
    }

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Each promise missed (lost, twice, unseen, miscounted), in a sentence; empty when the hotline held every one.</summary>
    public IReadOnlyList<string> Misses => _misses;

    /// <summary>Each recovery slower than <see cref="RecoveryTarget"/>: a speed target, which only the benchmark checks.</summary>
    public IReadOnlyList<string> SlowRecoveries => _slow;

    public void WriteTo(TextWriter output)
    {
        foreach (var line in _lines)
        {
            output.WriteLine(line);
        }

        output.WriteLine(_misses.Count == 0 ? "every promise held" : $"MISSED {_misses.Count}:");
        foreach (var miss in _misses)
        {
            output.WriteLine($"  - {miss}");
        }

        output.WriteLine(_slow.Count == 0 ? $"ingest recovered within {RecoveryTarget.TotalSeconds:F0} s of every kill" : $"SLOW {_slow.Count}:");
        foreach (var slow in _slow)
        {
            output.WriteLine($"  - {slow}");
        }
    }

    private void CheckInbound(IReadOnlyCollection<TwilioLikeSender.Posted> posted, ChaosTables tables)
    {
        var answers = posted.GroupBy(p => p.Status is { } status ? $"{(int)status}" : p.Failure!).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count():N0}");
        _lines.Add($"webhooks posted (Twilio accepted each message): {posted.Count:N0}; answered: {string.Join(", ", answers)}");
        var notStored = posted.Count(p => !tables.InboundBySid.ContainsKey(p.MessageSid));
        var twice = tables.InboundBySid.Count(s => s.Value > 1);
        var foundByReconciliation = posted.Count(p => p.Status != HttpStatusCode.OK && tables.InboundBySid.ContainsKey(p.MessageSid));
        _lines.Add($"Messages (inbound): {tables.InboundBySid.Values.Sum():N0} rows; accepted messages not stored {notStored:N0}, stored twice {twice:N0}, "
            + $"stored although the webhook failed (reconciliation) {foundByReconciliation:N0}");
        Miss(notStored > 0, $"{notStored} messages Twilio accepted were never stored");
        Miss(twice > 0, $"{twice} messages were stored more than once");
        var refused = posted.Count(p => p.Status is { } status && status != HttpStatusCode.OK && (int)status < 500);
        Miss(refused > 0, $"{refused} signed webhooks were refused with a 4xx");
        var serverErrors = posted.Count(p => p.Status == HttpStatusCode.InternalServerError);
        Miss(serverErrors > 0, $"{serverErrors} webhooks were answered 500 (a bug, not an outage: a busy database answers 503)");
    }

    private void CheckReplies(IReadOnlyCollection<TwilioLikeSender.Posted> posted, IReadOnlyList<CreatedMessage> created, ChaosTables tables, int twilioFailures)
    {
        var outbox = string.Join(", ", tables.OutboxByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value:N0}"));
        _lines.Add($"Outbox: {outbox}; Twilio stand-in: {created.Count:N0} messages created, {twilioFailures:N0} calls failed on purpose");
        var createdSids = created.Select(c => c.Sid).ToHashSet(StringComparer.Ordinal);
        var recorded = tables.SentProviderIds.ToHashSet(StringComparer.Ordinal);
        var recordedTwice = tables.SentProviderIds.Count - recorded.Count;
        var sentUnrecorded = createdSids.Count(sid => !recorded.Contains(sid));
        var recordedNotSent = recorded.Count(sid => !createdSids.Contains(sid));
        var twiceByBody = created.GroupBy(c => (c.To, c.Body)).Count(g => g.Count() > 1);
        var people = posted.Where(p => tables.InboundBySid.ContainsKey(p.MessageSid)).Select(p => p.From).ToHashSet(StringComparer.Ordinal);
        var repliedTo = created.Select(c => c.To).ToHashSet(StringComparer.Ordinal);
        var withoutReply = people.Count(p => !repliedTo.Contains(p));
        var waiting = tables.OutboxByStatus.Where(s => s.Key != "Sent").Sum(s => s.Value);
        _lines.Add($"replies: created at Twilio but not recorded as sent {sentUnrecorded:N0} (a second send), recorded as sent but never created {recordedNotSent:N0}, "
            + $"one MessageSid recorded twice {recordedTwice:N0}, same text twice to one person {twiceByBody:N0}, people stored but never answered {withoutReply:N0}");
        Miss(waiting > 0, $"{waiting} replies are still not sent");
        Miss(sentUnrecorded > 0, $"{sentUnrecorded} replies reached Twilio without being the one recorded (sent twice)");
        Miss(recordedNotSent > 0, $"{recordedNotSent} replies are recorded as sent but never reached Twilio");
        Miss(recordedTwice > 0, $"{recordedTwice} Twilio messages are recorded for two replies");
        Miss(twiceByBody > 0, $"{twiceByBody} people received the same text twice");
        Miss(withoutReply > 0, $"{withoutReply} people whose message was stored never got a reply");
    }

    private void CheckCases(IReadOnlyList<ChaosConsoles.ConsoleView> consoles, ChaosTables tables)
    {
        var missing = consoles.Select(c => tables.Cases.Count(id => !c.Known.Contains(id))).ToList();
        _lines.Add($"cases: {tables.Cases.Count:N0}; {consoles.Count} consoles reconnected {consoles.Sum(c => c.Reconnects):N0} times, learnt of "
            + $"{consoles.Sum(c => c.Pushed.Count(tables.Cases.Contains)) / Math.Max(1, consoles.Count):N0} cases each by push on average; "
            + $"consoles missing a case after resync {missing.Count(m => m > 0)}");
        Miss(tables.Cases.Count == 0, "no case was queued: the run did not exercise the consoles");
        Miss(missing.Any(m => m > 0), $"{missing.Count(m => m > 0)} consoles never learnt of every case, even after resync (at most {missing.DefaultIfEmpty().Max()} missing)");
        _lines.Add($"cases claimed past their lease {tables.ClaimedPastLease}; statistics: checkpoint {tables.StatisticsCheckpoint:N0} of {tables.LastSequence:N0}, "
            + $"cases counted by channel {tables.CountedByChannel:N0} and by priority {tables.CountedByPriority:N0}, recount from CaseQueued events {tables.CasesInEvents:N0}");
        Miss(tables.ClaimedPastLease > 0, $"{tables.ClaimedPastLease} cases are left claimed past their lease");
        Miss(tables.StatisticsCheckpoint < tables.LastSequence, "the statistics have not counted every case event");
        Miss(tables.CountedByChannel != tables.CasesInEvents || tables.CountedByPriority != tables.CasesInEvents,
            "the statistics counters differ from a recount of the case events");
    }

    /// <summary>After each kill: how long until the webhooks answered 200 per second were back to the rate just before it.</summary>
    private void CheckRecovery(IReadOnlyCollection<TwilioLikeSender.Posted> posted, IReadOnlyList<TimeSpan> kills)
    {
        var answered = posted.Where(p => p.Status == HttpStatusCode.OK).Select(p => p.AnsweredAt).Order().ToArray();
        var last = answered.DefaultIfEmpty().Max();
        var recoveries = new List<string>();
        foreach (var kill in kills.Where(k => k + RateWindow < last))
        {
            var before = Rate(answered, kill - RateWindow);
            var recovered = Enumerable.Range(0, 40).Select(step => TimeSpan.FromMilliseconds(250 * step))
                .FirstOrDefault(after => Rate(answered, kill + after) >= 0.9 * before, TimeSpan.MaxValue);
            recoveries.Add(recovered == TimeSpan.MaxValue ? $"{kill.TotalSeconds:F0}s: not within 10 s" : $"{kill.TotalSeconds:F0}s: {recovered.TotalSeconds:F2} s");
            if (recovered > RecoveryTarget)
            {
                _slow.Add($"ingest after the kill at {kill.TotalSeconds:F0} s took longer than {RecoveryTarget.TotalSeconds:F0} s to recover its rate of {before:F0}/s");
            }
        }

        _lines.Add($"kills {kills.Count}; ingest back to its previous rate (200s per second, {RateWindow.TotalSeconds:F0} s windows) after: {string.Join("; ", recoveries)}");
    }

    private static double Rate(TimeSpan[] answered, TimeSpan from) =>
        answered.Count(t => t >= from && t < from + RateWindow) / RateWindow.TotalSeconds;

    private void Miss(bool missed, string description)
    {
        if (missed)
        {
            _misses.Add(description);
        }
    }
}
