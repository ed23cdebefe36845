using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Hotline.Api.Casework;

/// <summary>
/// The consoles' live connection. Groups come from the server-side user record (role, languages), and
/// every call re-checks the caller through <see cref="CallerCheck"/>, so a changed or disabled account takes effect at once. Every action answers
/// with a value or a clear refusal; a refused action changes nothing.
/// </summary>
[Authorize(Policy = Policies.CaseData)]
public sealed class CaseHub(
    Database database, UserRepository users, CaseQueue queue, CaseActions actions, CaseReadModel read, CaseListeners listeners,
    CallerCheck callers, LiveSessions live, LanguageCover languageCover, QueueStatisticsReader statistics, IOptions<QueueOptions> queueOptions,
    AuditTrail audit, MessageRepository messages, CaseViewings viewings, HeldCasesWaiting heldWaiting)
    : Hub<ICaseClient>
{
    public const string Path = "/hubs/cases";

    /// <summary>
    /// The query parameter a console page connects with (<c>/hubs/cases?page=...</c>): a random id it makes once per page
    /// load and keeps through reconnections, that its viewings of cases name (<see cref="CaseViewings"/>).
    /// </summary>
    public const string PageParameter = "page";
    private const string NotAllowed = "You may not work on this case.";
    /// <summary>Said when the account no longer stands (disabled, changed, signed out elsewhere): not the case's fault.</summary>
    public const string SessionEnded = "Your session has ended (your account was changed or disabled, or you signed out): sign in again.";
    private const string ClosedCase = "This case is closed: it opens read-only from the case history.";
    private const string LeaseLost = CaseActions.LeaseLost;
    private const string NotHeld = "You do not hold this case (any more): open it from the queue.";

    public override async Task OnConnectedAsync()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            Context.Abort();
            return;
        }

        foreach (var group in CaseEventAudience.GroupsOf(user))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        // Read once in the groups, so that no figures the stream sends meanwhile pass the console by, but before the connection
        // is registered here: SignalR calls OnDisconnectedAsync only after an OnConnectedAsync that returned (it takes the
        // connection out of its groups itself), so a read that threw after registering (the console leaving as it connects,
        // the database not answering) left the connection counted for good. Thrown here, it fails the connect with nothing
        // to undo, and the console connects again (live.js, on close).
        await Clients.Caller.QueueStatisticsChanged(await FiguresForConnectingAsync());
        listeners.Connected(Context.ConnectionId, user.Id, CaseAccess.SeesAll(user));
        live.Connected(Context.User!.SessionId()!.Value, Context);
    }

    /// <summary>
    /// The case-event stream sends the hotline-wide figures only when something changes: a console that has just connected (or
    /// reconnected) would show none, or stale ones, until then.
    /// </summary>
    private async Task<QueueStatistics> FiguresForConnectingAsync()
    {
        await using var session = await database.OpenAsync(Context.ConnectionAborted);
        var sequence = await read.LastSequenceAsync(session, Context.ConnectionAborted);
        return await statistics.ReadForConnectingAsync(session, sequence, Context.ConnectionAborted);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        listeners.Disconnected(Context.ConnectionId);
        live.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// The next case for the caller, or, when she holds a Critical case whose person waits for her reply, that case again
    /// (<see cref="CaseDetail.HeldWaiting"/>): only she can answer it while she holds it, and taking another would leave that
    /// person waiting unseen behind it (docs/casework.md, "A case you hold whose person waits"). The next case comes with the
    /// other cases she holds whose person waits and whom she can write to now (<see cref="CaseDetail.AlsoWaiting"/>), for the
    /// console to name. With no case in the queue, the refusal names those cases, and carries them
    /// (<see cref="ActionAnswer{T}.Waiting"/>) for the console to open: "nothing is waiting" was said while a person she held
    /// waited for her reply.
    /// </summary>
    public async Task<ActionAnswer<CaseDetail>> TakeNextCase()
    {
        IReadOnlyList<Guid>? waitingWhenNoneQueued = null;
        var answer = (await AsCallerAsync(async user =>
        {
            IReadOnlyList<CaseSummary> waiting;
            await using (var session = await database.OpenAsync(Context.ConnectionAborted))
            {
                waiting = await heldWaiting.WaitingAsync(session, user.Id, Context.ConnectionAborted);
            }

            if (HeldCasesWaiting.FirstCritical(waiting) is { } held)
            {
                var again = await OpenAsync(user, held.Id);
                return again.Value is { } detail ? Outcome<CaseDetail>.Done(detail with { HeldWaiting = true }) : again;
            }

            var lease = await queue.ClaimNextAsync(user.Id, queueOptions.Value.Lease, Context.ConnectionAborted);
            if (lease is null)
            {
                waitingWhenNoneQueued = waiting.Count > 0 ? [.. waiting.Select(s => s.Id)] : null;
                return Outcome<CaseDetail>.Refused(Refusal.NotFound, HeldCasesWaiting.NoCaseInTheQueue);
            }

            var opened = await OpenAsync(user, lease.Case.Id);
            return opened.Value is { } next ? Outcome<CaseDetail>.Done(next with { AlsoWaiting = [.. waiting.Select(s => s.Id)] }) : opened;
        })).ToAnswer();
        return answer with { Waiting = waitingWhenNoneQueued };
    }

    /// <summary>Takes the case the caseworker is reading, when it waits in their languages.</summary>
    public async Task<ActionAnswer<CaseDetail>> TakeCase(Guid caseId) => (await AsCallerAsync(async user =>
    {
        var lease = await queue.ClaimAsync(caseId, user.Id, queueOptions.Value.Lease, Context.ConnectionAborted);
        return lease is null
            ? Outcome<CaseDetail>.Refused(Refusal.Conflict, "This case is no longer waiting for someone who speaks its language: a colleague may have taken it.")
            : await OpenAsync(user, lease.Case.Id);
    })).ToAnswer();

    public async Task<ActionAnswer<CaseDetail>> OpenCase(Guid caseId) => (await AsCallerAsync(user => OpenAsync(user, caseId))).ToAnswer();

    /// <summary>
    /// Opens the case a console page has on screen again, after a reconnection (the hub forgot the connection's groups). With
    /// the <paramref name="viewing"/> its opening (or its last rejoin) gave this page (<see cref="CaseDetail.Viewing"/>) less
    /// than <see cref="CaseViewings.ReconnectWindow"/> ago, it is the same viewing: no second opening is recorded, and the
    /// answer carries the viewing sealed again for the next reconnection. Without one that names this session, this person,
    /// this page and this case, or with one sealed longer ago, it is an opening, recorded as any other. Every check of an
    /// opening applies either way.
    /// </summary>
    public async Task<ActionAnswer<CaseDetail>> RejoinCase(Guid caseId, string? viewing) =>
        (await AsCallerAsync(user => OpenAsync(user, caseId, viewing, rejoins: true))).ToAnswer();

    /// <summary>
    /// The claim on a case the caller holds, for a console that keeps it renewed without showing it (after a reload or a
    /// reconnection, or a case a colleague handed over). Nothing of the case is read and nothing is recorded as opened: the
    /// connection joins no case group, and its holder hears through their own group that a message came, not what it says.
    /// Opening the case (<see cref="OpenCase"/>) reads it, and is recorded.
    /// </summary>
    public async Task<ActionAnswer<HeldCase>> HoldCase(Guid caseId) => (await AsCallerAsync(async user =>
    {
        await using var session = await database.OpenAsync(Context.ConnectionAborted);
        return await queue.FindByIdAsync(session, caseId, Context.ConnectionAborted) is
            { Status: CaseStatus.Claimed, LeaseToken: { } token, LeaseExpiresAt: { } expiresAt } record && record.AssigneeId == user.Id
            && CaseQueue.Holds(record, token, await session.DatabaseNowAsync(Context.ConnectionAborted))
            ? Outcome<HeldCase>.Done(new HeldCase(caseId, token, expiresAt,
                await messages.ReadLastInboundAtAsync(session, record.ConversationId, Context.ConnectionAborted), queueOptions.Value.LeaseSeconds))
            : Outcome<HeldCase>.Refused(Refusal.Conflict, NotHeld);
    })).ToAnswer();

    public async Task LeaveCase(Guid caseId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, CaseGroups.Case(caseId));
        listeners.Left(Context.ConnectionId, caseId);
    }

    public Task<ActionAnswer<DateTimeOffset>> RenewLease(Guid caseId, Guid leaseToken) =>
        UnderLeaseAsync(caseId, async user => await queue.ExtendAsync(caseId, leaseToken, user.Id, queueOptions.Value.Lease, Context.ConnectionAborted) is { } expiry
            ? Outcome<DateTimeOffset>.Done(expiry)
            : Outcome<DateTimeOffset>.Refused(Refusal.Conflict, LeaseLost));

    public Task<ActionAnswer<bool>> ReleaseCase(Guid caseId, Guid leaseToken) =>
        UnderLeaseAsync(caseId, async user => Answer(await queue.ReleaseAsync(caseId, leaseToken, user.Id, Context.ConnectionAborted)));

    /// <param name="outcome">One of <see cref="CaseOutcomes.Choices"/>' codes.</param>
    /// <param name="note">The caseworker's own words on how the case ended, kept as an encrypted note; null or empty for none.</param>
    public Task<ActionAnswer<bool>> CloseCase(Guid caseId, Guid leaseToken, string outcome, string? note) =>
        UnderLeaseAsync(caseId, user => actions.CloseAsync(user, caseId, leaseToken, outcome, note, Context.ConnectionAborted));

    public Task<ActionAnswer<bool>> TransferToColleague(Guid caseId, Guid leaseToken, Guid colleagueId) =>
        UnderLeaseAsync(caseId, async user =>
        {
            await using var session = await database.OpenAsync(Context.ConnectionAborted);
            var colleague = await users.FindByIdAsync(session, colleagueId, Context.ConnectionAborted);
            if (colleague is null || colleague.Disabled || colleague.Id == user.Id)
            {
                return Outcome<bool>.Refused(Refusal.Invalid, "Choose an active colleague who works on cases.");
            }

            // A case handed to an account that may not open it would sit held where nobody can answer the person.
            if (!CaseAccess.WorksOnCases(colleague))
            {
                return Outcome<bool>.Refused(Refusal.Invalid, $"{colleague.DisplayName} cannot open cases: choose a caseworker or a supervisor.");
            }

            return Answer(await queue.TransferToUserAsync(caseId, leaseToken, user.Id, colleague.Id, queueOptions.Value.Lease, Context.ConnectionAborted) is not null);
        });

    public Task<ActionAnswer<bool>> TransferToLanguage(Guid caseId, Guid leaseToken, string language) =>
        string.IsNullOrWhiteSpace(language) || language.Length > 35
            ? Task.FromResult(Outcome<bool>.Refused(Refusal.Invalid, "Choose a language.").ToAnswer())
            : UnderLeaseAsync(caseId, async user =>
                await languageCover.TransferRefusalAsync(user, language.Trim(), Context.ConnectionAborted) is { } refusal
                    ? Outcome<bool>.Refused(Refusal.Conflict, refusal)
                    : Answer(await queue.TransferToLanguageAsync(caseId, leaseToken, user.Id, language.Trim(), Context.ConnectionAborted)));

    /// <param name="requestId">The console's id for this reply: a repeat with it answers with the first reply.</param>
    public Task<ActionAnswer<MessageView>> SendReply(Guid caseId, Guid leaseToken, string body, Guid requestId) =>
        UnderLeaseAsync(caseId, user => actions.ReplyAsync(user, caseId, leaseToken, body ?? "", requestId, Context.ConnectionAborted));

    /// <param name="requestId">The console's id for this note: a repeat with it answers with the first note.</param>
    public async Task<ActionAnswer<NoteView>> AddNote(Guid caseId, string body, Guid requestId) =>
        (await AsCallerAsync(user => actions.AddNoteAsync(user, caseId, body ?? "", requestId, Context.ConnectionAborted))).ToAnswer();

    private async Task<Outcome<CaseDetail>> OpenAsync(User user, Guid caseId, string? viewing = null, bool rejoins = false)
    {
        // Counted as listening before the case is read, so that news committed after the read is pushed.
        listeners.Opened(Context.ConnectionId, caseId);
        await using var session = await database.OpenAsync(Context.ConnectionAborted);
        var detail = await read.ReadDetailAsync(session, caseId, user, Context.ConnectionAborted);
        if (detail is null || !CaseAccess.MaySee(user, detail.Case))
        {
            listeners.Left(Context.ConnectionId, caseId);
            await audit.RecordAsync(AuditEntryFor(user, AuditActions.CaseOpened, caseId, AuditOutcomes.Refused), Context.ConnectionAborted);
            return Outcome<CaseDetail>.Refused(Refusal.Forbidden, NotAllowed);
        }

        if (detail.Case.Status == nameof(CaseStatus.Closed))
        {
            // A closed case is read only through the case history, the one place such a read happens.
            listeners.Left(Context.ConnectionId, caseId);
            await audit.RecordAsync(AuditEntryFor(user, AuditActions.CaseOpened, caseId, AuditOutcomes.Refused), Context.ConnectionAborted);
            return Outcome<CaseDetail>.Refused(Refusal.Conflict, ClosedCase);
        }

        // Joined and checked again before anything else changes: a refusal here leaves the page on the case it shows, still
        // in that case's group (left first, the case on screen stopped updating after a refused opening: a review).
        await Groups.AddToGroupAsync(Context.ConnectionId, CaseGroups.Case(caseId));
        if (await NoLongerOpenToAsync(user, caseId) is { } refusal)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, CaseGroups.Case(caseId));
            listeners.Left(Context.ConnectionId, caseId);
            await audit.RecordAsync(AuditEntryFor(user, AuditActions.CaseOpened, caseId, AuditOutcomes.Refused), Context.ConnectionAborted);
            return refusal;
        }

        // The server leaves the case this page showed before, not the console's LeaveCase: that comes after the answer, or late,
        // or never, and until it came the page that shows this case heard the words of the one before. Done only now that the
        // opening stands, since a refused one leaves the page on the case it shows. A rejoin switches nothing: after a
        // reconnection the page may already have opened another case on this connection before its rejoin of the one it
        // showed arrived, and the rejoin must not take it out of that one (the page leaves the rejoined case if it moved on).
        foreach (var shownBefore in rejoins ? [] : listeners.LeaveAllBut(Context.ConnectionId, caseId))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, CaseGroups.Case(shownBefore));
        }

        // Someone else's console only: the person's own other tabs (this connection among them) are not a colleague.
        await Clients.GroupExcept(CaseGroups.Case(caseId), listeners.ConnectionsOf(user.Id)).ColleagueOpenedCase(caseId, user.DisplayName);

        // Still open to the caller: counted again, should a move it survives (to another of her languages) have withdrawn it.
        listeners.Opened(Context.ConnectionId, caseId);
        var viewer = ViewerOnThisPage(user);
        if (viewer is null || !viewings.Covers(viewing, viewer, caseId))
        {
            await audit.RecordAsync(AuditEntryFor(user, AuditActions.CaseOpened, caseId, AuditOutcomes.Succeeded), Context.ConnectionAborted);
        }

        // Sealed again on every showing, so that a page that keeps reconnecting keeps its viewing (CaseViewings.ReconnectWindow).
        return Outcome<CaseDetail>.Done(detail with { Viewing = viewer is null ? null : viewings.Seal(viewer, caseId) });
    }

    /// <summary>
    /// Whether the case moved away from the caller (transferred, taken, closed) after the read that let them open it, read
    /// again once the connection is in the case's group. A move committed before the join had its consoles withdrawn from
    /// the group while this one was not in it yet, so the join would have outlived it; a move committed after this read
    /// withdraws the connection itself (<see cref="CaseEventStreamJob"/>). A fresh session, so the read is not the first's.
    /// </summary>
    private async Task<Outcome<CaseDetail>?> NoLongerOpenToAsync(User user, Guid caseId)
    {
        await using var session = await database.OpenAsync(Context.ConnectionAborted);
        var summary = await read.ReadSummaryAsync(session, caseId, Context.ConnectionAborted);
        return summary is null || !CaseAccess.MaySee(user, summary) ? Outcome<CaseDetail>.Refused(Refusal.Forbidden, NotAllowed)
            : summary.Status == nameof(CaseStatus.Closed) ? Outcome<CaseDetail>.Refused(Refusal.Conflict, ClosedCase)
            : null;
    }

    /// <summary>
    /// The caller as a viewer on the console page that made this connection (its <see cref="PageParameter"/>); null for a
    /// connection that names no page, whose every showing of a case is an opening.
    /// </summary>
    private Viewer? ViewerOnThisPage(User user) =>
        Guid.TryParse(Context.GetHttpContext()?.Request.Query[PageParameter], out var pageId) && pageId != Guid.Empty
            ? new Viewer(Context.User!.SessionId()!.Value, user.Id, pageId)
            : null;

    /// <summary>Runs an action for a caller who may still work; anyone else gets the same refusal, whatever the action.</summary>
    private async Task<Outcome<T>> AsCallerAsync<T>(Func<User, Task<Outcome<T>>> action) =>
        await CurrentUserAsync() is { } user ? await action(user) : Outcome<T>.Refused(Refusal.Forbidden, SessionEnded);

    /// <summary>Runs a lease action for a caller allowed to see the case; the lease token itself is checked by the queue.</summary>
    private async Task<ActionAnswer<T>> UnderLeaseAsync<T>(Guid caseId, Func<User, Task<Outcome<T>>> action) =>
        (await AsCallerAsync(async user =>
        {
            await using (var session = await database.OpenAsync(Context.ConnectionAborted))
            {
                if (await read.ReadSummaryAsync(session, caseId, Context.ConnectionAborted) is not { } summary || !CaseAccess.MaySee(user, summary))
                {
                    return Outcome<T>.Refused(Refusal.Forbidden, NotAllowed);
                }
            }

            return await action(user);
        })).ToAnswer();

    private AuditEntry AuditEntryFor(User user, string action, Guid caseId, string outcome) =>
        new(user.Id.ToString(), action, caseId.ToString(), Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString(), outcome);

    private static Outcome<bool> Answer(bool done) => done ? Outcome<bool>.Done(true) : Outcome<bool>.Refused(Refusal.Conflict, LeaseLost);

    /// <summary>Every call checks the caller again: a connection may outlive its session, its account or its role.</summary>
    private Task<User?> CurrentUserAsync() =>
        Context.User is { } principal ? callers.ReadAsync(principal, Context.ConnectionAborted) : Task.FromResult<User?>(null);
}
