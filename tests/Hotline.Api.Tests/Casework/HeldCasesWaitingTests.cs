namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A case a caseworker holds is out of the queue: nobody but her can answer it. Found by a reviewer walking the console: with a
/// Critical person she held and had not answered, "Take next case" silently gave her another case, and the person in danger
/// waited unseen behind it. Now a held Critical case whose person waits comes first; a held case's person writing again, or
/// her reply, reaches her console (and the supervisors') as a change of the case, so her list knows who waits.
/// </summary>
public sealed class HeldCasesWaitingTests
{
    private const string Worker = "+9779800000909";

    [Theory, DatabaseData]
    public async Task Take_next_gives_a_held_critical_case_whose_person_waits_before_another_critical_case_in_the_queue(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        var held = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Critical);
        await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Critical);
        await using var hub = amina.Hub();
        await hub.StartAsync(Ct);
        Assert.Equal(held.Id, (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!.Case.Id);

        var next = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);

        Assert.True(next.Ok, next.Refusal);
        Assert.Equal((held.Id, true, "Claimed"), (next.Value!.Case.Id, next.Value.HeldWaiting, next.Value.Case.Status));
        Assert.NotNull(next.Value.LeaseToken);
        Assert.Equal("1", await app.ScalarAsync("SELECT COUNT(*) FROM Cases WHERE Status = 'Queued'"));
    }

    [Fact]
    public async Task Once_she_has_replied_take_next_gives_the_next_case_in_the_queue()
    {
        await using var app = new HotlineApp();
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Critical);
        var queued = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Critical);
        await using var hub = amina.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;
        var reply = await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken,
            "I am here. Are you somewhere safe now?", Guid.NewGuid(), Ct);
        Assert.True(reply.Ok, reply.Refusal);

        var next = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);

        Assert.Equal((queued.Id, false), (next.Value!.Case.Id, next.Value.HeldWaiting));
    }

    /// <summary>
    /// A held High case whose person waits does not stop take next: the queue may hold a Critical person, and the console says
    /// which of her cases wait (docs/casework.md, "A case you hold whose person waits").
    /// </summary>
    [Fact]
    public async Task A_held_high_case_whose_person_waits_does_not_hold_back_the_next_case()
    {
        await using var app = new HotlineApp();
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.High);
        var queued = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Low);
        await using var hub = amina.Hub();
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);

        var next = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);

        Assert.Equal((queued.Id, false), (next.Value!.Case.Id, next.Value.HeldWaiting));
    }

    [Fact]
    public async Task A_held_critical_case_whose_person_went_quiet_does_not_hold_back_the_next_case()
    {
        await using var app = new HotlineApp();
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Critical, ConversationStatus.OptedOut);
        var queued = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Low);
        await using var hub = amina.Hub();
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);

        var next = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);

        Assert.Equal((queued.Id, false), (next.Value!.Case.Id, next.Value.HeldWaiting));
    }

    /// <summary>
    /// A reviewer found take next stuck on a held Critical WhatsApp case whose 24-hour window had closed with no re-engagement
    /// template configured: her reply is refused, so the case waited for ever, every take next gave it back, and a new Critical
    /// person in her language was never given to her.
    /// </summary>
    [Fact]
    public async Task A_held_critical_whatsapp_case_she_cannot_write_to_now_does_not_hold_back_the_next_case()
    {
        await using var app = new HotlineApp();
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        var held = await CaseSeeding.QueueWhatsAppCaseAsync(app, "en", PriorityBand.Critical, TimeSpan.FromHours(25));
        var queued = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Critical);
        await using var hub = amina.Hub();
        await hub.StartAsync(Ct);
        Assert.Equal(held.Id, (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!.Case.Id);

        var next = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);

        Assert.Equal((queued.Id, false), (next.Value!.Case.Id, next.Value.HeldWaiting));
    }

    /// <summary>With the re-engagement template her reply is held behind it, not refused: she can answer, so the case comes first.</summary>
    [Fact]
    public async Task A_held_critical_whatsapp_case_whose_window_closed_is_given_again_when_the_template_is_configured()
    {
        await using var app = new HotlineApp(new Dictionary<string, string?>
        {
            ["Twilio:WhatsApp:ReengageContentSid"] = "HX0123456789abcdef0123456789abcdef",
            ["Twilio:WhatsApp:ReengageContentVariables"] = "{\"1\":\"Hello\"}",
        });
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        var held = await CaseSeeding.QueueWhatsAppCaseAsync(app, "en", PriorityBand.Critical, TimeSpan.FromHours(25));
        await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Critical);
        await using var hub = amina.Hub();
        await hub.StartAsync(Ct);
        Assert.Equal(held.Id, (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!.Case.Id);

        var next = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);

        Assert.Equal((held.Id, true), (next.Value!.Case.Id, next.Value.HeldWaiting));
    }

    /// <summary>
    /// Take next names the other cases she holds whose person waits for her reply, for the console's "Also waiting for your
    /// reply": only those she can write to now. A reviewer found it naming a WhatsApp case whose window had closed with no
    /// re-engagement template, as if she could answer it (her reply is refused), beside those that went quiet or opted out.
    /// </summary>
    [Fact]
    public async Task Take_next_names_the_held_cases_whose_person_waits_only_when_she_can_write_to_them_now()
    {
        await using var app = new HotlineApp();
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        var waits = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.High);
        var windowClosed = await CaseSeeding.QueueWhatsAppCaseAsync(app, "en", PriorityBand.High, TimeSpan.FromHours(25));
        var windowOpen = await CaseSeeding.QueueWhatsAppCaseAsync(app, "en", PriorityBand.High, TimeSpan.FromHours(2));
        var optedOut = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.High, ConversationStatus.OptedOut);
        var quiet = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.High, ConversationStatus.Quiet);
        var next = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Low);
        await using var hub = amina.Hub();
        await hub.StartAsync(Ct);
        foreach (var held in new[] { waits, windowClosed, windowOpen, optedOut, quiet })
        {
            Assert.True((await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeCase), held.Id, Ct)).Ok);
        }

        var taken = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);

        Assert.Equal((next.Id, false), (taken.Value!.Case.Id, taken.Value.HeldWaiting));
        // Both wait since they were queued, on the real clock: possibly in one millisecond, so in either order.
        Assert.Equal(new[] { waits.Id, windowOpen.Id }.Order(), taken.Value.AlsoWaiting!.Order());
    }

    /// <summary>
    /// A review found take next, with nothing in the queue, answering "No case is waiting in your languages." while a person she
    /// held waited for her reply: the server had found them, and said nothing of them.
    /// </summary>
    [Fact]
    public async Task Take_next_with_an_empty_queue_names_the_held_cases_whose_person_waits_for_her_reply_gravest_first()
    {
        await using var app = new HotlineApp();
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        var medium = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Medium);
        var high = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.High);
        var quiet = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.High, ConversationStatus.Quiet);
        await using var hub = amina.Hub();
        await hub.StartAsync(Ct);
        foreach (var held in new[] { medium, high, quiet })
        {
            Assert.True((await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeCase), held.Id, Ct)).Ok);
        }

        var next = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);

        Assert.False(next.Ok);
        // The console names them once, from Waiting, on the line with their wait.
        Assert.Equal("No case is waiting in your languages.", next.Refusal);
        Assert.Equal([high.Id, medium.Id], next.Waiting);
    }

    [Fact]
    public async Task Take_next_with_an_empty_queue_and_no_held_case_waiting_says_only_that_nothing_is_waiting()
    {
        await using var app = new HotlineApp();
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        await using var hub = amina.Hub();
        await hub.StartAsync(Ct);

        var next = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);

        Assert.Equal((false, "No case is waiting in your languages.", null), (next.Ok, next.Refusal, next.Waiting));
    }

    /// <summary>
    /// The figures and take next count a person waiting by different rules, each said in its documentation: the figures
    /// (<see cref="TakenStatistics.Waiting"/>, one SQL statement for the queue and the taken cases) by the conversation alone,
    /// take next also by the WhatsApp window. A review found the figures' documentation saying "can be written to" of a taken
    /// WhatsApp case whose window had closed with no re-engagement template, which her reply cannot reach.
    /// </summary>
    [Fact]
    public async Task A_taken_whatsapp_case_whose_window_closed_counts_as_waiting_in_the_figures_but_take_next_does_not_name_it()
    {
        await using var app = new HotlineApp();
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        var windowClosed = await CaseSeeding.QueueWhatsAppCaseAsync(app, "en", PriorityBand.High, TimeSpan.FromHours(25));
        await using var hub = amina.Hub();
        await hub.StartAsync(Ct);
        Assert.True((await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeCase), windowClosed.Id, Ct)).Ok);

        var next = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);
        await using var session = await app.Services.GetRequiredService<Database>().OpenAsync(Ct);
        var figures = await app.Services.GetRequiredService<QueueStatisticsReader>().ReadAsync(session, 0, Ct);

        Assert.Equal(("No case is waiting in your languages.", null), (next.Refusal, next.Waiting));
        Assert.Equal((1, 0), (figures.Taken.Waiting, figures.Taken.BeingAnswered));
        Assert.Equal(new Dictionary<string, int> { ["High"] = 1 }, figures.Taken.WaitingByPriority);
    }

    [Fact]
    public async Task The_person_writing_again_in_a_held_case_reaches_its_holder_as_a_change_saying_since_when_they_wait()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "talk to a person");
        var amina = await SignedInClient.SignInAsync(harness.App,
            await SignedInClient.AddUserAsync(harness.App, "amina", UserRole.Caseworker, "en"));
        await using var hub = amina.Hub();
        var changes = HubHeard.Changes(hub);
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;
        var reply = await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken,
            "I am here. Are you somewhere safe now?", Guid.NewGuid(), Ct);
        Assert.True(reply.Ok, reply.Refusal);
        // Put aside: the case is hers, not on her screen.
        await hub.InvokeAsync(nameof(CaseHub.LeaveCase), taken.Case.Id, Ct);

        await harness.TextAsync(Worker, "he is back, please answer");

        var change = await HubHeard.NextAsync(changes, c => c.Case.Id == taken.Case.Id && c.Type == "MessageReceived");
        Assert.Equal(("Claimed", amina.User.Id), (change.Case.Status, change.Case.AssigneeId));
        Assert.NotNull(change.Case.UnansweredSince);
        Assert.True(change.Case.UnansweredSince > change.Case.AnsweredAt);
    }
}
