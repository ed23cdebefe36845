namespace Hotline.Api.Tests.Casework;

/// <summary>
/// Who may open a case (<see cref="CaseAccess.MaySee"/>) and who hears of it on the hub and in a resync
/// (<see cref="CaseEventAudience"/>, the groups a console stands in against those that see the case) are two statements of one
/// rule: a case heard of but not openable, or openable but never heard of, is a drift between them.
/// </summary>
public sealed class CaseAudienceTests
{
    private static readonly Guid Held = Guid.Parse("0199a000-0000-7000-8000-000000000001");

    private static readonly User[] Users =
    [
        new() { Id = Guid.Parse("0199a000-0000-7000-8000-000000000002"), Role = UserRole.Caseworker, Languages = ["ne"] },
        new() { Id = Guid.Parse("0199a000-0000-7000-8000-000000000003"), Role = UserRole.Caseworker, Languages = ["EN", "ar"] },
        new() { Id = Held, Role = UserRole.Caseworker, Languages = ["hi"] },
        new() { Id = Guid.Parse("0199a000-0000-7000-8000-000000000004"), Role = UserRole.Supervisor, Languages = ["en"] },
        new() { Id = Guid.Parse("0199a000-0000-7000-8000-000000000005"), Role = UserRole.Admin, Languages = ["ne"] },
        new() { Id = Guid.Parse("0199a000-0000-7000-8000-000000000006"), Role = UserRole.Ngo, Languages = ["en"] },
    ];

    private static readonly CaseSummary[] Cases =
    [
        Summary("ne", assignee: null),
        Summary("en", assignee: null),
        Summary("ne", assignee: Held),
        Summary(NewCase.UnknownLanguage, assignee: null),
        Summary("sw", assignee: null),
    ];

    [Fact]
    public void Every_user_hears_of_exactly_the_cases_they_may_see()
    {
        var disagreements =
            from user in Users
            from summary in Cases
            let hears = CaseEventAudience.GroupsThatSee(summary).Any(CaseEventAudience.GroupsOf(user).Contains)
            where hears != CaseAccess.MaySee(user, summary)
            select $"{user.Role} {string.Join(",", user.Languages)}: {summary.Language} case held by {summary.AssigneeId}, hears {hears}";

        Assert.Empty(disagreements);
    }

    private static CaseSummary Summary(string language, Guid? assignee) =>
        new(Guid.CreateVersion7(), "Queued", "High", 60, [], language, "Sms", DateTimeOffset.UnixEpoch, assignee, null, "Active", null, 1);
}
