namespace Hotline.Api.Tests.Casework;

/// <summary>Once a caseworker has written to the person, the intake script sends them nothing more.</summary>
public sealed class CaseworkerTakesOverTests
{
    private const string Worker = "+9779800000707";
    private const string AutomaticReplies = "SELECT COUNT(*) FROM Messages WHERE Direction = 'Outbound' AND AuthorUserId IS NULL";

    [Fact]
    public async Task After_a_caseworker_has_replied_the_persons_next_answer_gets_no_automatic_question()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "1", "1", "yes");
        await ReplyAsCaseworkerAsync(harness, "I am here. Are you somewhere safe?");
        var before = await harness.CountAsync(AutomaticReplies);

        await harness.TextAsync(Worker, "1");

        Assert.Equal(before, await harness.CountAsync(AutomaticReplies));
    }

    [Fact]
    public async Task Without_a_caseworker_reply_the_intake_goes_on_after_a_danger_hand_off()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "1", "1", "yes");
        var before = await harness.CountAsync(AutomaticReplies);

        await harness.TextAsync(Worker, "1");

        Assert.True(await harness.CountAsync(AutomaticReplies) > before);
    }

    [Fact]
    public async Task A_caseworker_reply_made_while_the_persons_answer_is_read_ahead_still_stops_the_automatic_question()
    {
        var engine = new InterruptedEngine();
        await using var harness = await TwilioHarness.StartAsync(services: s => s.AddSingleton<IConversationEngine>(engine));
        await harness.TextAsync(Worker, "hello", "1", "1", "yes");
        var before = await harness.CountAsync(AutomaticReplies);
        engine.InterruptNextTurnWith(() => ReplyAsCaseworkerAsync(harness, "I am here. Are you somewhere safe?"));

        await harness.TextAsync(Worker, "1");

        Assert.Equal(before, await harness.CountAsync(AutomaticReplies));
    }

    private static async Task ReplyAsCaseworkerAsync(TwilioHarness harness, string text)
    {
        var caseworker = await SignedInClient.SignInAsync(harness.App,
            await SignedInClient.AddUserAsync(harness.App, "amina", UserRole.Caseworker, "en"));
        await using var hub = caseworker.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;
        var reply = await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken, text, Guid.NewGuid(), Ct);
        Assert.True(reply.Ok, reply.Refusal);
    }

    /// <summary>The intake engine, with something happening elsewhere while it takes one turn.</summary>
    private sealed class InterruptedEngine : IConversationEngine
    {
        private readonly IntakeEngine _inner = IntakeEngine.CreateDefault();

        private Func<Task>? _interruption;

        public void InterruptNextTurnWith(Func<Task> interruption) => _interruption = interruption;

        public EngineTurn Handle(ConversationSnapshot conversation, InboundMessage message)
        {
            // The turn may be taken while the single writer is held: waiting for a write there would never end.
            if (Interlocked.Exchange(ref _interruption, null) is { } interruption && !interruption().Wait(TimeSpan.FromSeconds(10)))
            {
                throw new TimeoutException("The interruption could not be written while the turn was taken.");
            }

            return _inner.Handle(conversation, message);
        }

        public EngineTurn Tick(ConversationSnapshot conversation, DateTimeOffset now) => _inner.Tick(conversation, now);
    }
}
