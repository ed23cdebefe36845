using System.Data.Common;
using System.Text.Json;
using Hotline.Api.Cases;
using Hotline.Api.Messages;
using Hotline.Api.Storage;
using Microsoft.AspNetCore.SignalR;

namespace Hotline.Api.Casework;

/// <summary>
/// Follows the case-event log and pushes each committed event to the consoles connected to this
/// instance. Every instance follows the same log, so a change made on one reaches consoles on all
/// (within the poll interval) with no message bus; and because pushes come from the log, a console
/// never hears of a change that then rolled back.
/// </summary>
public sealed class CaseEventStream(
    Database database,
    CaseEventLog events,
    CaseReadModel read,
    MessageRepository messages,
    QueueStatisticsReader statistics,
    IHubContext<CaseHub, ICaseClient> hub,
    CaseEventSignal signal,
    TimeProvider time,
    ILogger<CaseEventStream> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StatisticsEvery = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long last;
        await using (var session = await database.OpenAsync(stoppingToken))
        {
            last = await read.LastSequenceAsync(session, stoppingToken);
        }

        var statisticsSentAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            await signal.WaitAsync(Poll, stoppingToken);
            try
            {
                await using var session = await database.OpenAsync(stoppingToken);
                var batch = await events.ReadAfterAsync(session, last, CaseEventLog.MaxPage, stoppingToken);
                foreach (var caseEvent in Coalesce(batch))
                {
                    await PushAsync(session, caseEvent, stoppingToken);
                }

                last = batch.Count > 0 ? batch[^1].Sequence : last;

                if (batch.Count > 0 && time.GetUtcNow() - statisticsSentAt >= StatisticsEvery)
                {
                    await hub.Clients.Group(CaseGroups.Staff).QueueStatisticsChanged(await statistics.ReadAsync(session, last, stoppingToken));
                    statisticsSentAt = time.GetUtcNow();
                }
            }
            catch (DbException ex)
            {
                logger.LogWarning("The case event stream could not read the log ({Error}); consoles resync when it recovers.", ex.Message);
            }
        }
    }

    /// <summary>
    /// Several changes to one case in a batch (queued and handed off in one commit, say) reach consoles as
    /// one change carrying the case as it is now and the latest sequence: each push goes to every console
    /// of the language, so halving them matters. Message events and transfers (which also tell the old
    /// language group) are kept one by one.
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

    private static bool IsCaseChange(CaseEvent caseEvent) => caseEvent.Type is not (CaseEventTypes.MessageReceived or CaseEventTypes.ReplyQueued
        or CaseEventTypes.MessageStatusChanged or CaseEventTypes.LeaseExtended or CaseEventTypes.Transferred);

    private async Task PushAsync(DbSession session, CaseEvent caseEvent, CancellationToken cancellationToken)
    {
        // Message news goes to whoever has the case open and to its assignee, who may have put it aside.
        var assignee = (await read.ReadSummaryAsync(session, caseEvent.CaseId, cancellationToken))?.AssigneeId;
        var caseGroup = hub.Clients.Groups(assignee is { } id
            ? [CaseGroups.Case(caseEvent.CaseId), CaseGroups.User(id)]
            : [CaseGroups.Case(caseEvent.CaseId)]);
        using var data = JsonDocument.Parse(caseEvent.Data);
        switch (caseEvent.Type)
        {
            case CaseEventTypes.MessageReceived or CaseEventTypes.ReplyQueued:
                var message = await messages.FindByIdAsync(session, data.RootElement.GetProperty("MessageId").GetGuid(), cancellationToken);
                if (message is not null)
                {
                    var notice = new MessageNotice(caseEvent.Sequence, caseEvent.CaseId, CaseReadModel.ToView(message));
                    await (caseEvent.Type == CaseEventTypes.MessageReceived ? caseGroup.MessageReceived(notice) : caseGroup.ReplyQueued(notice));
                }

                break;
            case CaseEventTypes.MessageStatusChanged:
                await caseGroup.MessageStatusChanged(new MessageStatusNotice(caseEvent.Sequence, caseEvent.CaseId,
                    data.RootElement.GetProperty("MessageId").GetGuid(), data.RootElement.GetProperty("Status").GetString() ?? "",
                    data.RootElement.TryGetProperty("Error", out var error) ? error.GetString() : null));
                break;
            case CaseEventTypes.LeaseExtended:
                break;
            default:
                await PushCaseChangeAsync(session, caseEvent, data.RootElement, cancellationToken);
                break;
        }
    }

    private async Task PushCaseChangeAsync(DbSession session, CaseEvent caseEvent, JsonElement data, CancellationToken cancellationToken)
    {
        if (await read.ReadSummaryAsync(session, caseEvent.CaseId, cancellationToken) is not { } summary)
        {
            return;
        }

        var groups = new List<string> { CaseGroups.Language(summary.Language), CaseGroups.Supervisors, CaseGroups.Case(summary.Id) };
        if (summary.AssigneeId is { } assignee)
        {
            groups.Add(CaseGroups.User(assignee));
        }

        if (data.TryGetProperty("FromLanguage", out var from) && from.GetString() is { } fromLanguage)
        {
            groups.Add(CaseGroups.Language(fromLanguage));
        }

        var change = new CaseChange(caseEvent.Sequence, caseEvent.Type, summary);
        var clients = hub.Clients.Groups(groups);
        await (caseEvent.Type == CaseEventTypes.Queued ? clients.CaseQueued(change) : clients.CaseUpdated(change));
    }
}
