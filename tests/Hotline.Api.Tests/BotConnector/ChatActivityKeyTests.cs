namespace Hotline.Api.Tests.BotConnector;

/// <summary>
/// A repeated delivery is known by the activity's channel, conversation and id: Bot Framework channels promise ids unique
/// only within a conversation (Telegram numbers messages per chat). Keyed by channel and id alone, a second person's
/// message with the same id was dropped as a repeat (a review). Activities stored under that older key before the upgrade
/// are still recognised when delivered again.
/// </summary>
public sealed class ChatActivityKeyTests
{
    [Theory, DatabaseData]
    public async Task Two_conversations_sending_the_same_activity_id_both_produce_messages_and_a_redelivery_is_still_a_repeat(DatabaseProvider engine)
    {
        await using var bot = await BotHarness.StartAsync(engine);
        var first = bot.Message("user-1", "hello", id: "42", conversation: "chat-1");

        await bot.SendAsync(first);
        await bot.SendAsync(bot.Message("user-2", "hello", id: "42", conversation: "chat-2"));
        await bot.SendAsync(first);

        Assert.Equal(2, await bot.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
        Assert.Equal(2, await bot.CountAsync("SELECT COUNT(DISTINCT ConversationId) FROM Messages WHERE Direction = 'Inbound'"));
    }

    [Fact]
    public async Task A_message_stored_under_the_key_without_its_conversation_is_still_a_repeat_when_delivered_again()
    {
        await using var bot = await BotHarness.StartAsync();
        var first = bot.Message("user-1", "hello", id: "42", conversation: "chat-1");
        await bot.SendAsync(first);
        await bot.ExecuteAsync($"UPDATE Messages SET ChannelMessageId = '{KeyWithoutConversation(bot, "42")}' WHERE Direction = 'Inbound'");
        var replies = await bot.CountAsync("SELECT COUNT(*) FROM Outbox");

        await bot.SendAsync(first);

        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
        Assert.Equal(replies, await bot.CountAsync("SELECT COUNT(*) FROM Outbox"));
    }

    [Fact]
    public async Task Another_persons_message_with_the_id_of_one_stored_under_the_key_without_its_conversation_is_theirs()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", "hello", id: "42", conversation: "chat-1"));
        await bot.ExecuteAsync($"UPDATE Messages SET ChannelMessageId = '{KeyWithoutConversation(bot, "42")}' WHERE Direction = 'Inbound'");

        await bot.SendAsync(bot.Message("user-2", "hello", id: "42", conversation: "chat-2"));

        Assert.Equal(2, await bot.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
    }

    [Fact]
    public async Task Two_people_closing_their_chats_with_the_same_activity_id_both_go_quiet()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", "hello"));
        await bot.SendAsync(bot.Message("user-2", "hello"));

        await bot.SendAsync(EndOfConversation(bot, "user-1", "7"));
        await bot.SendAsync(EndOfConversation(bot, "user-2", "7"));

        Assert.Equal(2, await bot.CountAsync("SELECT COUNT(*) FROM Conversations WHERE Status = 'Quiet'"));
    }

    [Fact]
    public async Task A_chat_opening_recorded_under_the_key_without_its_conversation_is_welcomed_once_when_delivered_again()
    {
        await using var bot = await BotHarness.StartAsync();
        var opened = bot.MembersAdded("user-1", id: "9");
        await bot.SendAsync(opened);
        await bot.ExecuteAsync($"UPDATE ChatActivities SET ActivityHash = '{KeyWithoutConversation(bot, "9")}'");

        await bot.SendAsync(opened);

        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Outbox"));
    }

    /// <summary>The key as it was stored before the conversation was part of it: "activity:{channelId}:{id}", keyed.</summary>
    private static string KeyWithoutConversation(BotHarness bot, string activityId) =>
        bot.App.Services.GetRequiredService<AddressHasher>().Hash(ChannelAddress.Chat($"activity:{BotHarness.Channel}:{activityId}"));

    private static JsonObject EndOfConversation(BotHarness bot, string user, string id)
    {
        var activity = bot.EndOfConversation(user);
        activity["id"] = id;
        return activity;
    }
}
