using Hotline.Api.Tests.BotConnector;

namespace Hotline.Api.Tests.PhonesView;

/// <summary>The chat as the person's screen shows it: what the Bot Connector stand-in received for their conversation.</summary>
public sealed class ChatPhoneViewTests
{
    [Fact]
    public async Task In_chat_the_discreet_word_gets_the_decoy_even_if_the_chat_closes_first_and_closing_the_chat_silences_what_was_still_waiting()
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

        var closedAfterDecoy = ChatScreen(bot, "user-closed-after-decoy");
        await closedAfterDecoy.WriteAsync("hello");
        await closedAfterDecoy.WriteBeforeTheOutboxRunsAsync(IntakePhoneViewTests.DiscreetWord);
        (await bot.SendAsync(bot.EndOfConversation("user-closed-after-decoy"))).EnsureSuccessStatusCode();
        await closedAfterDecoy.MeanwhileAsync("the person closes the chat (endOfConversation) before the decoy has left: the chat was already quiet");

        GoldenFile.Match("chat", "## the discreet word\n" + discreet.View + "## closing the chat\n" + closed.View
            + "## closing the chat while the decoy, the last word, still waits\n" + closedAfterDecoy.View);
    }

    private static Phone ChatScreen(BotHarness bot, string user) => new(user,
        async text => (await bot.SendAsync(bot.Message(user, text))).EnsureSuccessStatusCode(),
        bot.DispatchAllAsync,
        () => bot.Connector.Replies.Where(r => r.ConversationId == $"conv|{user}").Select(r => (string?)r.Activity["text"] ?? ""));
}
