namespace Hotline.Bot.Tests.Intake;

public sealed class NotSafeTests
{
    [Theory, IntakeLanguageData]
    public void Not_safe_now_gets_exactly_one_reply_and_goes_quiet(string language)
    {
        var host = AtSafetyQuestion(language);

        var turn = host.Send(Words(language).No[0]);

        Assert.Equal(Text(language, "not_safe"), turn.Reply());
        Assert.Equal(new WentQuiet("not_safe_now"), Assert.Single(turn.Events));
    }

    [Fact]
    public void While_quiet_a_tick_never_replies_nor_hands_off()
    {
        var host = AtSafetyQuestion("ur");
        host.Send("2");

        var tick = host.Tick(TimeSpan.FromDays(2));

        Assert.Empty(tick.Replies);
        Assert.Empty(tick.Events);
    }

    [Fact]
    public void Writing_again_asks_again_whether_it_is_safe_and_then_goes_on()
    {
        var host = AtSafetyQuestion("ur");
        host.Send("2");

        Assert.Equal(Text("ur", "safe_now"), host.Send("اب ٹھیک ہے").Reply());
        Assert.Equal(Text("ur", "danger"), host.Send("ہاں").Reply());
    }
}
