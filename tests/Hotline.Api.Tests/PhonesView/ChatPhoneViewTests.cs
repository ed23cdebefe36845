using Hotline.Api.Tests.BotConnector;

namespace Hotline.Api.Tests.PhonesView;

/// <summary>The chat as the person's screen shows it: what the Bot Connector stand-in received for their conversation.</summary>
public sealed class ChatPhoneViewTests
{
    [Fact]
    public async Task In_chat_the_discreet_word_gets_no_reply_and_closing_the_chat_silences_what_was_still_waiting_but_not_the_last_word()
    {
        await using var bot = await BotHarness.StartAsync();
        var discreet = ChatScreen(bot, "user-discreet");
        await discreet.WriteAsync("hello", IntakePhoneViewTests.DiscreetWord);
        await discreet.MeanwhileAsync("the outbox is sent again");
        await discreet.WriteAsync("hi");

        var closed = ChatScreen(bot, "user-closed");
        await closed.WriteAsync("hello");
        await closed.WriteBeforeTheOutboxRunsAsync("person");
        (await bot.SendAsync(bot.EndOfConversation("user-closed"))).EnsureSuccessStatusCode();
        await closed.MeanwhileAsync("the person closes the chat (endOfConversation)");
        await closed.WriteAsync("hello again");

        var closedAfterNotSafe = ChatScreen(bot, "user-closed-after-not-safe");
        await closedAfterNotSafe.WriteAsync("hello");
        await closedAfterNotSafe.WriteBeforeTheOutboxRunsAsync("2");
        (await bot.SendAsync(bot.EndOfConversation("user-closed-after-not-safe"))).EnsureSuccessStatusCode();
        await closedAfterNotSafe.MeanwhileAsync("the person closes the chat (endOfConversation) before the acknowledgement has left: the chat was already quiet");

        GoldenFile.Match("chat", "## the discreet word\n" + discreet.View + "## closing the chat\n" + closed.View
            + "## closing the chat while the not-safe acknowledgement, the last word, still waits\n" + closedAfterNotSafe.View);
    }

    private static Phone ChatScreen(BotHarness bot, string user) => new(user,
        async text => (await bot.SendAsync(bot.Message(user, text))).EnsureSuccessStatusCode(),
        bot.DispatchAllAsync,
        () => bot.Connector.Replies.Where(r => r.ConversationId == $"conv|{user}").Select(r => (string?)r.Activity["text"] ?? ""));
}
