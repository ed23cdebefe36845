using Hotline.Bot.Channels;

namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// The decoy makes a phone's thread look like an ordinary contact's. A chat is with the hotline's bot, under its name: there
/// the discreet word goes quiet with no reply, as closing the chat does.
/// </summary>
public sealed class DiscreetWordByChannelTests
{
    [Theory]
    [InlineData(Channel.Sms)]
    [InlineData(Channel.WhatsApp)]
    public void From_a_phone_number_the_discreet_word_gets_the_wrong_number_decoy(Channel channel)
    {
        var host = new FakeHost(Engine, "en", channel);
        host.Send("hello");

        var turn = host.Send("recipe");

        Assert.Equal(["Sorry, wrong number."], turn.Replies());
        Assert.Equal(new WentQuiet("discreet_word"), Assert.Single(turn.Events));
    }

    [Theory, IntakeLanguageData]
    public void In_a_chat_the_discreet_word_gets_no_reply_and_goes_quiet(string language)
    {
        var host = new FakeHost(Engine, language, Channel.Chat);
        host.Send("hello");
        host.Send("1");

        var turn = host.Send("recipe");

        Assert.Empty(turn.Replies);
        Assert.Equal(new WentQuiet("discreet_word"), Assert.Single(turn.Events));
        Assert.Empty(host.Tick(TimeSpan.FromHours(5)).Replies);
    }

    [Fact]
    public void In_a_chat_the_discreet_word_as_a_first_message_gets_no_reply_and_goes_quiet()
    {
        var turn = new FakeHost(Engine, channel: Channel.Chat).Send("recipe");

        Assert.Empty(turn.Replies);
        Assert.Equal(new WentQuiet("discreet_word"), Assert.Single(turn.Events));
    }

    [Fact]
    public void In_a_chat_writing_again_after_the_discreet_word_asks_whether_it_is_safe_then_returns_to_the_question()
    {
        var host = new FakeHost(Engine, "en", Channel.Chat);
        host.Send("hello");
        host.Send("1");
        host.Send("recipe");

        Assert.Equal(["Is it safe for you to write now? Reply 1 for yes, 2 for no. Reply 0 at any time to talk to a person."],
            host.Send("hi").Replies());
        Assert.Equal(["Are you in danger right now? 1 Yes 2 No"], host.Send("1").Replies());
    }
}
