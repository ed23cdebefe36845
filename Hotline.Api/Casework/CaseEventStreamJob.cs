using System.Diagnostics;
using Hotline.Api.Quarantine;
using Microsoft.AspNetCore.SignalR;

namespace Hotline.Api.Casework;

/// <summary>
/// Follows the case-event log and pushes what was committed, a batch at a time, to the consoles connected
/// to this instance. Every instance follows the same log, so a change made on one reaches consoles on all
/// (within the poll interval) with no message bus; and because pushes come from the log, a console
/// never hears of a change that then rolled back.
/// </summary>
public sealed class CaseEventStreamJob(
    Database database,
    CaseEventLog events,
    CaseReadModel read,
    MessageRepository messages,
    QueueStatisticsReader statistics,
    CaseListeners listeners,
    IHubContext<CaseHub, ICaseClient> hub,
    CaseEventSignal signal,
    QuarantineStore quarantine,
    TimeProvider time,
    ILogger<CaseEventStreamJob> logger,
    Health.LoopWatch loops) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The hotline-wide figures go to every console at most this often, however many changes come: each read is one pass over
    /// the open cases. A change inside the interval is not dropped: its figures go out once the interval has passed.
    /// </summary>
    private static readonly TimeSpan StatisticsEvery = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The shortest time from one read of the log to the next while changes keep coming. Every push costs
    /// CPU per connection and per WebSocket frame (SignalR cuts a push into 4 KB frames), so this turns N
    /// changes a second into at most 20 pushes a second per console, whatever N is; at 500 new cases a
    /// second a push of compact changes (<see cref="CaseChangeJson"/>) still fits one frame, and a console
    /// waits at most this long, well under the 250 ms it may wait to hear of a new case.
    /// </summary>
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var guard = new GuardedPass("Pushing case events to consoles", logger, time, loops);
        long? last = null;
        var statisticsSentAt = DateTimeOffset.MinValue;
        // Set by every batch, cleared by a send: the loop wakes at least every poll, so owed figures go out within about a
        // second of the last change even when nothing follows it.
        var statisticsOwed = false;
        var waitForCommit = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (waitForCommit)
            {
                await signal.WaitAsync(Poll, stoppingToken);
            }

            // Pacing is about CPU, not the hotline's clock: it uses real time even where tests fake the clock.
            var readAt = Stopwatch.GetTimestamp();
            var count = 0;
            await guard.RunAsync(async token =>
            {
                await using var session = await database.OpenAsync(token);
                if (last is null || !listeners.AnyoneConnected)
                {
                    // Nobody here to tell: a console that connects later catches up from the log itself, and the hub gives it
                    // the figures as it connects. Those may be figures read in the last second, before the changes passed over
                    // here (QueueStatisticsReader.ReadForConnectingAsync): the figures of those changes are owed all the same.
                    var newest = await read.LastSequenceAsync(session, token);
                    statisticsOwed |= newest > last;
                    last = newest;
                    return;
                }

                var batch = await events.ReadAfterAsync(session, last.Value, CaseEventLog.MaxPage, token);
                count = batch.Count;
                await PushAsync(session, batch, token);
                last = batch.Count > 0 ? batch[^1].Sequence : last;

                statisticsOwed |= batch.Count > 0;
                if (statisticsOwed && time.GetUtcNow() - statisticsSentAt >= StatisticsEvery)
                {
                    await hub.Clients.Group(CaseGroups.Staff).QueueStatisticsChanged(await statistics.ReadAsync(session, last.Value, token));
                    statisticsSentAt = time.GetUtcNow();
                    statisticsOwed = false;
                }
            }, stoppingToken);

            // A full page means more is waiting now; otherwise the next commit's signal (or the poll) wakes the loop.
            waitForCommit = count < CaseEventLog.MaxPage && last is not null;
            if (count > 0 && MinimumInterval - Stopwatch.GetElapsedTime(readAt) is { Ticks: > 0 } rest)
            {
                await Task.Delay(rest, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Several changes to one case in a batch (queued and handed off in one commit, say) reach consoles as
    /// one change carrying the case as it is now and the latest sequence: each change goes to every console
    /// of the language, so halving them matters. Message events, transfers and a language learned (which also tell
    /// the old language group) are kept one by one.
    /// </summary>
    private static IEnumerable<CaseEvent> Coalesce(IReadOnlyList<CaseEvent> batch)
    {
        var lastChange = batch.Where(IsCaseChange).GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.Last());
        var queuedInBatch = batch.Where(e => e.Type == CaseEventTypes.Queued).Select(e => e.CaseId).ToHashSet();
        foreach (var caseEvent in batch)
        {
            if (!IsCaseChange(caseEvent))
            {
                yield return caseEvent;
            }
            else if (ReferenceEquals(lastChange[caseEvent.CaseId], caseEvent))
            {
                // A case first queued in this batch is announced as queued, whatever happened to it next.
                yield return queuedInBatch.Contains(caseEvent.CaseId) ? caseEvent with { Type = CaseEventTypes.Queued } : caseEvent;
            }
        }
    }

    private static bool IsCaseChange(CaseEvent caseEvent) => !IsMessageNews(caseEvent)
        && caseEvent.Type is not (CaseEventTypes.LeaseExtended or CaseEventTypes.Transferred or CaseEventTypes.TakenOver or CaseEventTypes.LanguageLearned);

    private static bool IsMessageNews(CaseEvent caseEvent) =>
        caseEvent.Type is CaseEventTypes.MessageReceived or CaseEventTypes.ReplyQueued or CaseEventTypes.MessageStatusChanged;

    /// <summary>
    /// Pushes a batch: message news one event at a time to those who have the case (and none at all, not even
    /// a read of the message, when nobody connected here has it), and every case change
    /// gathered into one <see cref="ICaseClient.CasesChanged"/> per group that may see it, all sent at once
    /// so that one slow group does not hold up the rest.
    /// </summary>
    private async Task PushAsync(DbSession session, IReadOnlyList<CaseEvent> batch, CancellationToken cancellationToken)
    {
        var summaries = new Dictionary<Guid, CaseSummary?>();
        var changesByGroup = new Dictionary<string, List<CaseChange>>();
        var sends = new List<Task>();
        // Moves are taken from the whole batch, since coalescing may fold a release into a later claim.
        var moves = new Queue<CaseEvent>(batch.Where(MovesTheCase));
        async Task<CaseSummary?> SummaryAsync(Guid caseId)
        {
            if (!summaries.TryGetValue(caseId, out var summary))
            {
                summary = await read.ReadSummaryAsync(session, caseId, cancellationToken);
                summaries.Add(caseId, summary);
            }

            return summary;
        }

        foreach (var caseEvent in Coalesce(batch))
        {
            while (moves.TryPeek(out var move) && move.Sequence <= caseEvent.Sequence)
            {
                await WithdrawAsync(await SummaryAsync(moves.Dequeue().CaseId), cancellationToken);
            }

            if (caseEvent.Type == CaseEventTypes.LeaseExtended)
            {
                continue;
            }

            var summary = await SummaryAsync(caseEvent.CaseId);
            CaseEventPayload payload;
            try
            {
                payload = CaseEventPayload.Read(caseEvent);
            }
            catch (JsonException ex)
            {
                // One event no console can be told of is set aside; the stream goes on past it.
                await quarantine.SetAsideAsync(QuarantineSources.CaseEvent, caseEvent.Sequence.ToString(CultureInfo.InvariantCulture),
                    QuarantineReasons.Unparseable, ex, cancellationToken);
                continue;
            }

            if (IsMessageNews(caseEvent))
            {
                if (listeners.AnyoneHears(caseEvent.CaseId, summary?.AssigneeId)
                    && await MessageNewsAsync(session, caseEvent, summary?.AssigneeId, payload, cancellationToken) is { } send)
                {
                    sends.Add(send);
                }

                // A person writing again in a case answered before that waits in the queue, or a reply of such a case that
                // failed after all (it answered nobody): every console's row and the supervisors' figures must say so ("new
                // message", waiting again), so it is a change of the case too.
                if (summary is { Status: nameof(CaseStatus.Queued) }
                    && (caseEvent.Type == CaseEventTypes.MessageStatusChanged
                        || (caseEvent.Type == CaseEventTypes.MessageReceived && summary.UnansweredSince is not null)))
                {
                    var change = new CaseChange(caseEvent.Sequence, caseEvent.Type, summary);
                    foreach (var group in CaseEventAudience.GroupsThatHear(summary, payload))
                    {
                        ChangesFor(changesByGroup, group).Add(change);
                    }
                }
                else if (summary is { Status: nameof(CaseStatus.Claimed), AssigneeId: { } holder })
                {
                    // In a case someone holds, a message from the person, her reply or a reply that failed changes whether the
                    // person waits for her reply: her "Your cases" puts the waiting ones first, with their clock, and the
                    // supervisor view says "Taken, new message". So its holder and the supervisors get the change (no words);
                    // the language's other consoles list it only as with a colleague, which it leaves as it was.
                    var change = new CaseChange(caseEvent.Sequence, caseEvent.Type, summary);
                    ChangesFor(changesByGroup, CaseGroups.User(holder)).Add(change);
                    ChangesFor(changesByGroup, CaseGroups.Supervisors).Add(change);
                }
            }
            else if (summary is not null)
            {
                var change = new CaseChange(caseEvent.Sequence, caseEvent.Type, summary);
                foreach (var group in CaseEventAudience.GroupsThatHear(summary, payload))
                {
                    ChangesFor(changesByGroup, group).Add(change);
                }
            }
        }

        while (moves.TryDequeue(out var move))
        {
            await WithdrawAsync(await SummaryAsync(move.CaseId), cancellationToken);
        }

        sends.AddRange(changesByGroup.Select(group => hub.Clients.Group(group.Key).CasesChanged(group.Value)));
        await Task.WhenAll(sends);
    }

    private static bool MovesTheCase(CaseEvent caseEvent) =>
        caseEvent.Type is CaseEventTypes.Transferred or CaseEventTypes.TakenOver or CaseEventTypes.Released or CaseEventTypes.LeaseExpired
            or CaseEventTypes.Closed or CaseEventTypes.LanguageLearned;

    /// <summary>
    /// When a case moves (transferred, released, expired, closed, routed by the language the person chose), the server takes the consoles that followed it
    /// out of its group itself, all but the holder's and those that see every case: a console that never calls
    /// LeaveCase hears no message of a case that left it. This happens before anything later in the log is pushed.
    /// </summary>
    private async Task WithdrawAsync(CaseSummary? summary, CancellationToken cancellationToken)
    {
        if (summary is null)
        {
            return;
        }

        var holder = summary.Status == nameof(CaseStatus.Claimed) ? summary.AssigneeId : null;
        foreach (var connectionId in listeners.Withdraw(summary.Id, holder))
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, CaseGroups.Case(summary.Id), cancellationToken);
        }
    }

    private static List<CaseChange> ChangesFor(Dictionary<string, List<CaseChange>> changesByGroup, string group)
    {
        if (!changesByGroup.TryGetValue(group, out var changes))
        {
            changes = [];
            changesByGroup.Add(group, changes);
        }

        return changes;
    }

    /// <summary>
    /// Message news goes to whoever has the case open; its assignee, who may have put it aside, hears on every console that a
    /// message came, but not the message: a body is read only by opening the case, which is audited.
    /// </summary>
    private async Task<Task?> MessageNewsAsync(DbSession session, CaseEvent caseEvent, Guid? assignee, CaseEventPayload payload,
        CancellationToken cancellationToken)
    {
        var openedBy = hub.Clients.Group(CaseGroups.Case(caseEvent.CaseId));
        var caseGroup = hub.Clients.Groups(assignee is { } id
            ? [CaseGroups.Case(caseEvent.CaseId), CaseGroups.User(id)]
            : [CaseGroups.Case(caseEvent.CaseId)]);
        var messageId = payload.MessageId!.Value;
        switch (caseEvent.Type)
        {
            case CaseEventTypes.MessageReceived or CaseEventTypes.ReplyQueued:
                Message? message;
                try
                {
                    message = await messages.FindByIdAsync(session, messageId, cancellationToken);
                }
                catch (Exception ex) when (UnreadableRow.Reason(ex) is { } reason)
                {
                    await quarantine.SetAsideAsync(QuarantineSources.CaseEvent, caseEvent.Sequence.ToString(CultureInfo.InvariantCulture), reason, ex,
                        cancellationToken);
                    return null;
                }

                if (message is null)
                {
                    return null;
                }

                var notice = new MessageNotice(caseEvent.Sequence, caseEvent.CaseId, CaseReadModel.ToView(message),
                    message.Direction == MessageDirection.Inbound ? WhatsAppWindow.Of(message.Channel, message.CreatedAt, time.GetUtcNow()) : null);
                var told = caseEvent.Type == CaseEventTypes.MessageReceived ? openedBy.MessageReceived(notice) : openedBy.ReplyQueued(notice);
                return assignee is { } holder
                    ? Task.WhenAll(told, hub.Clients.Group(CaseGroups.User(holder))
                        .MessageHeard(new MessageHeardNotice(caseEvent.Sequence, caseEvent.CaseId, message.Direction.ToString(), message.CreatedAt)))
                    : told;
            case CaseEventTypes.MessageStatusChanged:
                return caseGroup.MessageStatusChanged(new MessageStatusNotice(caseEvent.Sequence, caseEvent.CaseId,
                    messageId, payload.Status ?? "", payload.Error));
            default:
                return null;
        }
    }
}
