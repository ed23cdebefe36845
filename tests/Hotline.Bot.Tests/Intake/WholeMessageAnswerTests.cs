namespace Hotline.Bot.Tests.Intake;

/// <summary>An answer is read from the whole message; what is not clearly yes or no is asked again, never guessed.</summary>
public sealed class WholeMessageAnswerTests
{
    [Theory]
    [InlineData("id", "tidak apa-apa")]
    [InlineData("id", "gak papa")]
    [InlineData("sw", "hakuna shida")]
    [InlineData("ar", "لا بأس")]
    [InlineData("ar", "لا مشكلة")]
    [InlineData("en", "no problem")]
    public void It_is_fine_is_not_a_no_at_is_it_safe_to_write(string language, string answer)
    {
        var host = AtSafetyQuestion(language);

        var turn = host.Send(answer);

        Assert.Equal(Text(language, "reask"), turn.Reply());
        Assert.Empty(turn.Events);
    }

    [Theory]
    [InlineData("hi", "nahi pata")]
    [InlineData("fil", "hindi ko alam")]
    [InlineData("en", "I don't know")]
    public void I_do_not_know_is_not_a_no_at_are_you_in_danger(string language, string answer)
    {
        var host = AtStep(language, "danger");

        Assert.Equal(Text(language, "reask"), host.Send(answer).Reply());
    }

    [Fact]
    public void At_is_it_safe_to_write_anything_but_a_clear_yes_after_one_reask_is_not_safe()
    {
        var host = AtSafetyQuestion("en");

        var again = host.Send("who is this");
        var turn = host.Send("hmm");

        Assert.Equal(Text("en", "reask"), again.Reply());
        Assert.Equal(Text("en", "not_safe"), turn.Reply());
        Assert.Equal(new WentQuiet("not_safe_now"), Assert.Single(turn.Events));
    }

    [Fact]
    public void At_are_you_in_danger_an_answer_unclear_after_one_reask_gets_the_emergency_number()
    {
        var host = AtStep("en", "danger");
        host.Send("maybe");

        var turn = host.Send("not sure");

        Assert.Equal([Text("en", "danger_help"), Text("en", "consent")], turn.Replies());
        Assert.Equal(
            [
                "CaseRequested(High, 45, [danger_unclear])",
                "HandoffRequested { Reason = danger }",
                "IntakeProgressed { StepId = consent, Question = 3, Questions = 13 }",
            ],
            turn.Events.Select(Describe));
    }

    [Theory]
    [InlineData("hi", "haaan", "yes")]
    [InlineData("en", "nooo", "no")]
    [InlineData("sw", "ndiyooo", "yes")]
    [InlineData("ar", "لاااا", "no")]
    public void Letters_drawn_out_are_folded(string language, string answer, string code)
    {
        var host = AtFirstQuestion(language);

        Assert.Equal(new AnswerRecorded("documents", code), Assert.Single(host.Send(answer).Events.OfType<AnswerRecorded>()));
    }

    [Theory]
    [InlineData("نهيں", "no")]
    [InlineData("جي", "yes")]
    [InlineData("هاں", "yes")]
    public void Urdu_typed_on_an_Arabic_keyboard_matches(string answer, string code)
    {
        var host = AtFirstQuestion("ur");

        Assert.Equal(new AnswerRecorded("documents", code), Assert.Single(host.Send(answer).Events.OfType<AnswerRecorded>()));
    }

    [Theory]
    [InlineData("oo", "yes")]
    [InlineData("opo", "yes")]
    [InlineData("hindi", "no")]
    [InlineData("ndiyo", "yes")]
    [InlineData("hapana", "no")]
    [InlineData("haan", "yes")]
    [InlineData("nahi", "no")]
    [InlineData("aywa", "yes")]
    [InlineData("la", "no")]
    public void In_English_the_common_Tagalog_Swahili_Hindi_and_Arabic_answers_are_understood(string answer, string code)
    {
        var host = AtFirstQuestion("en");

        Assert.Equal(new AnswerRecorded("documents", code), Assert.Single(host.Send(answer).Events.OfType<AnswerRecorded>()));
    }

    [Theory]
    [InlineData("yes no")]
    [InlineData("haan nahi")]
    [InlineData("1 2")]
    public void A_short_answer_with_both_a_yes_and_a_no_is_unclear(string answer)
    {
        var host = AtFirstQuestion("hi");

        Assert.Equal(Text("hi", "reask"), host.Send(answer).Reply());
    }

    [Fact]
    public void A_long_answer_is_read_by_how_it_starts_not_by_a_no_later_in_its_story()
    {
        var host = AtStep("en", "hours");

        Assert.Equal(new AnswerRecorded("hours", "yes"), Assert.Single(host.Send("yes, no day off for months").Events.OfType<AnswerRecorded>()));
    }

    [Fact]
    public void The_simpler_reask_is_sent_once_then_the_question_moves_on_with_unknown()
    {
        var host = AtFirstQuestion("sw");
        host.Send("sijui");

        var turn = host.Send("sijui kabisa");

        Assert.Equal(Text("sw", "wages"), turn.Reply());
        Assert.Equal(new AnswerRecorded("documents", "unknown"), Assert.Single(turn.Events.OfType<AnswerRecorded>()));
    }
}
