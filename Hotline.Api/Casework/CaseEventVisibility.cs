namespace Hotline.Api.Casework;

/// <summary>
/// What a console resyncing from the case-event log (<c>GET /api/case-events</c>) may learn of each event, by the rule the
/// hub's groups follow (<see cref="CaseEventStreamJob"/>): a case it may see comes with its summary; a case that moved away
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

    public static Sight Of(User user, CaseEvent caseEvent, CaseSummary? summary)
    {
        if (summary is not null && CaseAccess.MaySee(user, summary))
        {
            return Sight.WithSummary;
        }

        if (caseEvent.ActorUserId == user.Id)
        {
            return Sight.Departure;
        }

        if (!CaseAccess.WorksOnCases(user) || PayloadOf(caseEvent) is not { } payload)
        {
            return Sight.None;
        }

        var leftTheirLanguage = user.Role == UserRole.Caseworker && payload.FromLanguage is { } from
            && (from == NewCase.UnknownLanguage || user.Languages.Contains(from, StringComparer.OrdinalIgnoreCase));
        return leftTheirLanguage || payload.FromUserId == user.Id ? Sight.Departure : Sight.None;
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
