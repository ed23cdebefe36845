namespace Hotline.Api.Tests.BotConnector;

/// <summary>
/// A chat closed during the intake (endOfConversation) is quiet for the host, while the engine's intake still asks. The intake
/// timer takes it as it takes one left unanswered by SMS: the engine's Tick decides, the case reaches a caseworker, and nothing
/// is posted to the closed chat. Found by a review: the timer looked only at active conversations, so a story left in a closed
/// chat reached nobody unless the person wrote again.
/// </summary>
public sealed class ClosedChatIntakeTests
{
    private const string Story = "my agent took my passport and I have not been paid for four months";

    private const string SafetyQuestion = "Is it safe for you to write now? Reply 1 for yes, 2 for no. Reply 0 at any time to talk to a person.";

    [Theory, DatabaseData]
    public async Task A_story_left_at_the_safety_question_in_a_closed_chat_reaches_a_caseworker_and_nothing_is_posted(DatabaseProvider engine)
    {
        await using var bot = await BotHarness.StartAsync(engine);
        await bot.SendAsync(bot.Message("user-1", Story));
        await bot.DispatchAllAsync();
        Assert.Equal([SafetyQuestion], bot.Connector.Replies.Select(r => (string)r.Activity["text"]!));
        await bot.SendAsync(bot.EndOfConversation("user-1"));
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Cases"));

        Assert.Equal(1, await TickAsync(bot, TimeSpan.FromMinutes(31)));
        await bot.DispatchAllAsync();

        Assert.Equal("Queued", await bot.ScalarAsync("SELECT Status FROM Cases"));
        Assert.Equal("{\"Reason\":\"unanswered\"}", await bot.ScalarAsync("SELECT Data FROM CaseEvents WHERE Type = 'HandoffRequested'"));
        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Type = 'IntakeEnded'"));
        // The case view reads the conversation's status: it says the chat was closed, and a caseworker's reply is refused.
        Assert.Equal("Quiet", await bot.ScalarAsync("SELECT Status FROM Conversations"));
        Assert.Equal(ChatConversationEvents.ClosedReason, await bot.ScalarAsync("SELECT StatusReason FROM Conversations"));
        Assert.Single(bot.Connector.Replies);
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status NOT IN ('Sent', 'Cancelled')"));
    }

    [Fact]
    public async Task A_closed_chat_is_not_handed_off_before_its_last_message_is_half_an_hour_old()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", Story));
        await bot.SendAsync(bot.EndOfConversation("user-1"));

        Assert.Equal(0, await TickAsync(bot, TimeSpan.FromMinutes(29)));

        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Cases"));
    }

    [Fact]
    public async Task Writing_again_after_the_hand_off_asks_whether_it_is_safe_to_write()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", Story));
        await bot.DispatchAllAsync();
        await bot.SendAsync(bot.EndOfConversation("user-1"));
        await TickAsync(bot, TimeSpan.FromMinutes(31));
        await bot.DispatchAllAsync();

        await bot.SendAsync(bot.Message("user-1", "hello"));
        await bot.DispatchAllAsync();

        Assert.Equal([SafetyQuestion, SafetyQuestion], bot.Connector.Replies.Select(r => (string)r.Activity["text"]!));
        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Cases WHERE Status = 'Queued'"));
        Assert.Equal("Quiet", await bot.ScalarAsync("SELECT Status FROM Conversations"));
    }

    /// <summary>As by SMS: the engine's own rules hand off an intake left at the safety question, whatever the first message said.</summary>
    [Fact]
    public async Task A_chat_closed_after_only_a_greeting_reaches_a_caseworker_as_an_unanswered_text_does()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", "hi"));
        await bot.DispatchAllAsync();
        await bot.SendAsync(bot.EndOfConversation("user-1"));

        Assert.Equal(1, await TickAsync(bot, TimeSpan.FromMinutes(31)));
        await bot.DispatchAllAsync();

        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Cases WHERE Status = 'Queued'"));
        Assert.Equal([SafetyQuestion], bot.Connector.Replies.Select(r => (string)r.Activity["text"]!));
    }

    [Fact]
    public async Task A_chat_opened_and_closed_without_a_word_opens_no_case()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.MembersAdded("user-1"));
        await bot.SendAsync(bot.EndOfConversation("user-1"));

        Assert.Equal(0, await TickAsync(bot, TimeSpan.FromHours(3)));

        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Cases"));
    }

    [Fact]
    public async Task The_intake_of_a_case_queued_early_ends_when_its_chat_was_closed()
    {
        await using var bot = await BotHarness.StartAsync();
        foreach (var answer in new[] { Story, "1", "2", "1" })
        {
            await bot.SendAsync(bot.Message("user-1", answer));
        }

        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Cases WHERE Status = 'Queued' AND IntakeQuestion IS NOT NULL"));
        await bot.DispatchAllAsync();
        var posted = bot.Connector.Replies.Count;
        await bot.SendAsync(bot.EndOfConversation("user-1"));

        Assert.Equal(1, await TickAsync(bot, TimeSpan.FromMinutes(31)));
        await bot.DispatchAllAsync();

        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Cases WHERE Status = 'Queued' AND IntakeQuestion IS NULL"));
        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Type = 'IntakeEnded'"));
        Assert.Equal(ChatConversationEvents.ClosedReason, await bot.ScalarAsync("SELECT StatusReason FROM Conversations"));
        Assert.Equal(posted, bot.Connector.Replies.Count);
    }

    private static Task<int> TickAsync(BotHarness bot, TimeSpan after) =>
        ActivatorUtilities.CreateInstance<IntakeTimeoutJob>(bot.App.Services, (TimeProvider)new FakeTimeProvider(DateTimeOffset.UtcNow + after))
            .TickSilentIntakesAsync(Ct);
}
