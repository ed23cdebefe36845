namespace Hotline.Api.Casework;

/// <summary>
/// What a console resyncing from the case-event log (<c>GET /api/case-events</c>) may learn of each event, by the rule the
/// hub's groups follow (<see cref="CaseEventAudience"/>): a case it may see comes with its summary; a case that moved away
/// from it (transferred out of a language it speaks, taken over from it, or moved by the caller's own action) comes as the
/// bare event, so that a console that listed it drops it; any other case is not named at all, neither its id nor what
/// happened to it.
/// </summary>
public static class CaseEventVisibility
{
    public enum Sight
    {
        None,
        Departure,
        WithSummary,
    }

    /// <summary>
    /// Derived from the hub's groups (<see cref="CaseEventAudience"/>), so that a resync and the pushes cannot drift apart: the
    /// summary where the caller's groups are among those that see the case now, the bare event where they are among those it
    /// moved away from. The hub also tells whoever has the case open, which the log cannot know of a console: the caller's own
    /// step (she had the case open to take it) stands for that.
    /// </summary>
    public static Sight Of(User user, CaseEvent caseEvent, CaseSummary? summary)
    {
        var groups = CaseEventAudience.GroupsOf(user);
        if (summary is not null && CaseEventAudience.GroupsThatSee(summary).Any(groups.Contains))
        {
            return Sight.WithSummary;
        }

        if (caseEvent.ActorUserId == user.Id)
        {
            return Sight.Departure;
        }

        return PayloadOf(caseEvent) is { } payload && CaseEventAudience.GroupsItLeft(payload).Any(groups.Contains) ? Sight.Departure : Sight.None;
    }

    /// <summary>An event whose data cannot be read names nobody it moved away from (the stream sets such an event aside).</summary>
    private static CaseEventPayload? PayloadOf(CaseEvent caseEvent)
    {
        try
        {
            return CaseEventPayload.Read(caseEvent);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
