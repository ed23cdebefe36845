using System.Threading.Channels;
using Channel = System.Threading.Channels.Channel;

namespace Hotline.Api.Tests.Casework;

public sealed class CaseHubTests
{
    /// <summary>The caseworker's console connected, and the next case taken.</summary>
    private static async Task<CaseDetail> TakeNextCaseAsync(HubConnection hub)
    {
        await hub.StartAsync(Ct);
        return (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;
    }


    [Fact]
    public async Task A_connected_caseworker_hears_of_a_new_case_in_their_language_with_its_sequence()
    {
        await using var app = new HotlineApp();
        var worker = await SignInAsync(app, "amina", "ar");
        await using var hub = worker.Hub();
        var queued = HubHeard.Changes(hub);
        await hub.StartAsync(Ct);

        var seeded = await CaseSeeding.QueueCaseAsync(app, "ar");

        var change = await HubHeard.NextAsync(queued);
        Assert.Equal((seeded.Id, "CaseQueued"), (change.Case.Id, change.Type));
        Assert.True(change.Sequence > 0);
    }

    [Fact]
    public async Task Cases_queued_in_one_commit_reach_a_console_as_one_push_in_sequence_order()
    {
        await using var app = new HotlineApp();
        var worker = await SignInAsync(app, "amina", "ar");
        await using var hub = worker.Hub();
        var pushes = PushesHeardBy(hub);
        await hub.StartAsync(Ct);

        var seeded = await CaseSeeding.QueueCasesAtOnceAsync(app, "ar", 5);

        var push = await HubHeard.NextAsync(pushes);
        Assert.Equal(seeded.Select(c => (c.Id, "CaseQueued")), push.Select(c => (c.Case.Id, c.Type)));
        Assert.Equal(push.Select(c => c.Sequence).Order(), push.Select(c => c.Sequence));
    }

    [Fact]
    public async Task A_caseworker_of_another_language_hears_none_of_a_burst_of_cases()
    {
        await using var app = new HotlineApp();
        var arabic = await SignInAsync(app, "amina", "ar");
        var nepali = await SignInAsync(app, "ravi", "ne");
        await using var nepaliHub = nepali.Hub();
        await using var arabicHub = arabic.Hub();
        var heardByNepali = HubHeard.Changes(nepaliHub);
        var heardByArabic = HubHeard.Changes(arabicHub);
        await nepaliHub.StartAsync(Ct);
        await arabicHub.StartAsync(Ct);

        var seeded = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => CaseSeeding.QueueCaseAsync(app, "ar")));
        foreach (var queued in seeded)
        {
            await HubHeard.NextAsync(heardByArabic, c => c.Case.Id == queued.Id);
        }

        Assert.False(heardByNepali.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Taking_the_next_case_gives_a_lease_and_colleagues_see_it_claimed()
    {
        await using var app = new HotlineApp();
        var taker = await SignInAsync(app, "amina", "ar");
        var colleague = await SignInAsync(app, "fatima", "ar");
        var seeded = await CaseSeeding.QueueCaseAsync(app, "ar");
        await using var colleagueHub = colleague.Hub();
        var updates = HubHeard.Changes(colleagueHub);
        await colleagueHub.StartAsync(Ct);
        await using var takerHub = taker.Hub();
        await takerHub.StartAsync(Ct);

        var taken = await takerHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);

        Assert.True(taken.Ok, taken.Refusal);
        Assert.Equal(seeded.Id, taken.Value!.Case.Id);
        Assert.NotNull(taken.Value.LeaseToken);
        var claimed = await HubHeard.NextAsync(updates, c => c.Type == "CaseClaimed");
        Assert.Equal(("Claimed", taker.User.Id), (claimed.Case.Status, claimed.Case.AssigneeId));
    }

    [Fact]
    public async Task Opening_a_case_in_a_language_the_caseworker_does_not_speak_is_refused()
    {
        await using var app = new HotlineApp();
        var worker = await SignInAsync(app, "ravi", "ne");
        var seeded = await CaseSeeding.QueueCaseAsync(app, "ar");
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);

        var opened = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), seeded.Id, Ct);

        Assert.Equal((false, "You may not work on this case."), (opened.Ok, opened.Refusal));
    }

    /// <summary>The console orders the transcript by the place of each message in its conversation, its own reply's too.</summary>
    [Fact]
    public async Task A_reply_comes_back_with_its_place_in_the_conversation()
    {
        await using var app = new HotlineApp();
        var worker = await SignInAsync(app, "amina", "ar");
        await CaseSeeding.QueueCaseAsync(app, "ar");
        await using var hub = worker.Hub();
        var taken = await TakeNextCaseAsync(hub);

        var first = await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken, "hello", Guid.NewGuid(), Ct);
        var second = await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken, "are you safe?", Guid.NewGuid(), Ct);

        Assert.Empty(taken.Transcript);
        Assert.Equal((1L, 2L), (first.Value!.Sequence, second.Value!.Sequence));
    }

    [Fact]
    public async Task A_reply_to_a_person_who_opted_out_is_refused_with_the_reason()
    {
        await using var app = new HotlineApp();
        var worker = await SignInAsync(app, "amina", "ar");
        await CaseSeeding.QueueCaseAsync(app, "ar", status: ConversationStatus.OptedOut);
        await using var hub = worker.Hub();
        var taken = await TakeNextCaseAsync(hub);

        var reply = await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken, "hello", Guid.NewGuid(), Ct);

        Assert.False(reply.Ok);
        Assert.Contains("opted out", reply.Refusal);
    }

    [Fact]
    public async Task A_reply_with_a_lease_token_that_is_not_the_current_one_is_refused_and_nothing_is_queued()
    {
        await using var app = new HotlineApp();
        var worker = await SignInAsync(app, "amina", "ar");
        await CaseSeeding.QueueCaseAsync(app, "ar");
        await using var hub = worker.Hub();
        var taken = await TakeNextCaseAsync(hub);

        var reply = await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, Guid.NewGuid(), "hello", Guid.NewGuid(), Ct);

        Assert.False(reply.Ok);
        Assert.Contains("claim on this case has ended", reply.Refusal);
    }

    [Fact]
    public async Task A_reply_over_1600_characters_is_refused_with_its_length()
    {
        await using var app = new HotlineApp();
        var worker = await SignInAsync(app, "amina", "ar");
        await CaseSeeding.QueueCaseAsync(app, "ar");
        await using var hub = worker.Hub();
        var taken = await TakeNextCaseAsync(hub);

        var reply = await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken, new string('a', 1601), Guid.NewGuid(), Ct);

        Assert.Equal("The message is 1601 characters; at most 1600 can be sent.", reply.Refusal);
    }

    [Fact]
    public async Task A_colleague_opening_the_same_case_is_announced_to_the_first()
    {
        await using var app = new HotlineApp();
        var first = await SignInAsync(app, "amina", "ar");
        var second = await SignInAsync(app, "fatima", "ar");
        var seeded = await CaseSeeding.QueueCaseAsync(app, "ar");
        var notices = Channel.CreateUnbounded<string>();
        await using var firstHub = first.Hub();
        firstHub.On<Guid, string>(nameof(ICaseClient.ColleagueOpenedCase), (_, colleague) => notices.Writer.TryWrite(colleague));
        await firstHub.StartAsync(Ct);
        await firstHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), seeded.Id, Ct);
        await using var secondHub = second.Hub();
        await secondHub.StartAsync(Ct);

        await secondHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), seeded.Id, Ct);

        Assert.Equal("fatima", await HubHeard.NextAsync(notices));
    }

    [Fact]
    public async Task Ones_own_second_tab_opening_the_case_is_not_announced_as_a_colleague()
    {
        await using var app = new HotlineApp();
        var first = await SignInAsync(app, "amina", "ar");
        var colleague = await SignInAsync(app, "fatima", "ar");
        var seeded = await CaseSeeding.QueueCaseAsync(app, "ar");
        var notices = Channel.CreateUnbounded<string>();
        await using var firstHub = first.Hub();
        firstHub.On<Guid, string>(nameof(ICaseClient.ColleagueOpenedCase), (_, name) => notices.Writer.TryWrite(name));
        await firstHub.StartAsync(Ct);
        await firstHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), seeded.Id, Ct);
        await using var secondTab = first.Hub();
        await secondTab.StartAsync(Ct);
        await using var colleagueHub = colleague.Hub();
        await colleagueHub.StartAsync(Ct);

        await secondTab.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), seeded.Id, Ct);
        await colleagueHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), seeded.Id, Ct);

        // The colleague's notice comes after the second tab's would have: the first one heard is the colleague's.
        Assert.Equal("fatima", await HubHeard.NextAsync(notices));
    }

    [Fact]
    public async Task A_page_from_another_origin_cannot_connect()
    {
        await using var app = new HotlineApp();
        var worker = await SignInAsync(app, "amina", "ar");
        await using var hub = worker.Hub(origin: "https://evil.example");

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task An_ngo_partner_cannot_connect_to_the_hub()
    {
        await using var app = new HotlineApp();
        var partner = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "shelter", UserRole.Ngo));
        await using var hub = partner.Hub();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static async Task<SignedInClient> SignInAsync(HotlineApp app, string name, params string[] languages) =>
        await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, name, UserRole.Caseworker, languages));

    private static Channel<IReadOnlyList<CaseChange>> PushesHeardBy(HubConnection hub)
    {
        var pushes = Channel.CreateUnbounded<IReadOnlyList<CaseChange>>();
        hub.On<IReadOnlyList<CaseChange>>(nameof(ICaseClient.CasesChanged), changes => pushes.Writer.TryWrite(changes));
        return pushes;
    }
}
