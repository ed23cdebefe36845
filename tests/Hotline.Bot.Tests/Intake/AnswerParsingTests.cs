namespace Hotline.Bot.Tests.Intake;

public sealed class AnswerParsingTests
{
    [Theory]
    [InlineData("en", "1", "yes")]
    [InlineData("en", " 2. ", "no")]
    [InlineData("en", "YES please", "yes")]
    [InlineData("en", "Nope", "no")]
    [InlineData("en", "👍", "yes")]
    [InlineData("ar", "١", "yes")]
    [InlineData("ar", "نعم", "yes")]
    [InlineData("ar", "نَعَم", "yes")]
    [InlineData("ar", "لا!", "no")]
    [InlineData("hi", "२", "no")]
    [InlineData("hi", "haan ji", "yes")]
    [InlineData("hi", "नहीं।", "no")]
    [InlineData("hi", "yes", "yes")]
    [InlineData("bn", "১", "yes")]
    [InlineData("fil", "Opo", "yes")]
    [InlineData("id", "gak", "no")]
    [InlineData("sw", "Hapana, asante", "no")]
    [InlineData("am", "አዎ", "yes")]
    [InlineData("si", "නෑ", "no")]
    public void Yes_and_no_are_understood_as_digits_or_words_in_the_language_or_English(string language, string answer, string code)
    {
        var host = AtFirstQuestion(language);

        var turn = host.Send(answer);

        Assert.Equal(new AnswerRecorded("documents", code), Assert.Single(turn.Events.OfType<AnswerRecorded>()));
    }

    [Fact]
    public void An_unrecognised_answer_asks_once_more_in_simpler_words_then_moves_on_with_unknown()
    {
        var host = AtFirstQuestion("en");

        var again = host.Send("maybe?");
        var next = host.Send("I do not know");

        Assert.Equal("Please reply with just a number: 1 for yes, 2 for no. Reply 0 to talk to a person.", again.Reply());
        Assert.Empty(again.Events);
        Assert.Equal(Text("en", "wages"), next.Reply());
        Assert.Equal(new AnswerRecorded("documents", "unknown"), Assert.Single(next.Events.OfType<AnswerRecorded>()));
    }

    [Fact]
    public void Another_languages_yes_word_is_not_an_answer()
    {
        var host = AtFirstQuestion("hi");

        Assert.Empty(host.Send("ndiyo").Events);
    }

    [Fact]
    public void An_empty_place_is_asked_once_more_then_recorded_as_unknown()
    {
        var host = AtFirstQuestion("en");
        for (var i = 0; i < 9; i++)
        {
            host.Send("2");
        }

        Assert.Equal(Text("en", "location"), host.Send("   ").Reply());
        Assert.Contains(new AnswerRecorded("location", "unknown"), host.Send("").Events);
    }
}
