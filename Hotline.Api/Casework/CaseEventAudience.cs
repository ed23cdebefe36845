namespace Hotline.Api.Casework;

/// <summary>
/// Who hears of a case event, as hub groups: the one rule the hub's pushes (<see cref="CaseEventStreamJob"/>) and a console's
/// resync from the log (<see cref="CaseEventVisibility"/>) both follow. Stated twice, once for groups and once for one user,
/// the two could drift, and a resync then told a console what the hub never would, or left out what it did.
/// </summary>
public static class CaseEventAudience
{
    /// <summary>
    /// The groups a console of <paramref name="user"/> stands in while it is connected, from the server's user record: every
    /// console, the user's own, and the supervisors' or the caseworker's languages (with the language not yet known). Not the
    /// group of a case it has open, which it joins by opening it.
    /// </summary>
    public static IReadOnlyList<string> GroupsOf(User user)
    {
        List<string> groups = [CaseGroups.Staff, CaseGroups.User(user.Id)];
        if (CaseAccess.SeesAll(user))
        {
            groups.Add(CaseGroups.Supervisors);
        }
        else if (CaseAccess.WorksOnCases(user))
        {
            groups.AddRange([.. user.Languages.Select(CaseGroups.Language), CaseGroups.Language(NewCase.UnknownLanguage)]);
        }

        return groups;
    }

    /// <summary>Who may see a change: the case's language and everyone who hears of it having moved away (below).</summary>
    public static IEnumerable<string> GroupsThatHear(CaseSummary summary, CaseEventPayload payload) =>
        GroupsThatSee(summary).Concat(GroupsItLeft(payload));

    /// <summary>Who sees the case as it is now: its language, supervisors, whoever has it open, its assignee.</summary>
    public static IEnumerable<string> GroupsThatSee(CaseSummary summary)
    {
        yield return CaseGroups.Language(summary.Language);
        yield return CaseGroups.Supervisors;
        yield return CaseGroups.Case(summary.Id);
        if (summary.AssigneeId is { } assignee)
        {
            yield return CaseGroups.User(assignee);
        }
    }

    /// <summary>
    /// Who the case moved away from: on a transfer the language it left, and on a take-over the caseworker a supervisor took it
    /// from, on every console whatever her languages (her view of it says so, and her console stops renewing a claim that is no
    /// longer hers).
    /// </summary>
    public static IEnumerable<string> GroupsItLeft(CaseEventPayload payload)
    {
        if (payload.FromLanguage is { } fromLanguage)
        {
            yield return CaseGroups.Language(fromLanguage);
        }

        if (payload.FromUserId is { } fromUser)
        {
            yield return CaseGroups.User(fromUser);
        }
    }
}
