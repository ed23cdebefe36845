namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// An urgent word after a greeting the language was guessed from: it changes the language only when it can be written in no
/// other, and is not a word of the guessed language (or of the base language, which every language's speakers use).
/// </summary>
public sealed class UrgentWordLanguageTests
{
    /// <summary>
    /// Found by a review: "polisi" is Indonesian and Swahili, and the first language in the script won. A Swahili speaker's
    /// Critical case went to Indonesian speakers, the phone got Indonesian, and their own STOP word no longer opted out.
    /// </summary>
    [Theory]
    [InlineData("habari", "polisi", "sw")]
    [InlineData("ke cha", "पुलिस", "ne")]
    [InlineData("aoa", "maarta hai", "ur")]
    public void An_urgent_word_shared_with_other_languages_keeps_the_guessed_language(string greeting, string urgent, string language)
    {
        var host = new FakeHost(Engine);
        var greeted = host.Send(greeting);
        Assert.Equal((language, Text(language, "safe_now")), (greeted.Language, greeted.Reply()));

        var turn = host.Send(urgent);

        Assert.Equal(language, turn.Language);
        Assert.Equal([Text(language, "distress"), Text(language, "safe_now")], turn.Replies());
        Assert.Contains(new UrgentWordMatched(urgent, language), turn.Events);
    }

    [Fact]
    public void After_a_shared_urgent_word_the_guessed_language_s_stop_word_still_opts_out()
    {
        var host = new FakeHost(Engine);
        host.Send("habari");
        host.Send("polisi");

        var turn = host.Send("sitisha");

        Assert.Empty(turn.Replies);
        Assert.Equal([new OptedOut("sitisha")], turn.Events);
    }

    /// <summary>
    /// "police" is an English word only, but a word every language borrows: the base language's words are understood in every
    /// language (as its yes, no and STOP are), so one of them in a message says nothing of the language it is written in.
    /// </summary>
    [Fact]
    public void An_urgent_word_of_the_base_language_keeps_the_guessed_language()
    {
        var host = new FakeHost(Engine);
        host.Send("ke cha");

        var turn = host.Send("police beat me");

        Assert.Equal("ne", turn.Language);
        Assert.Equal([Text("ne", "distress"), Text("ne", "safe_now")], turn.Replies());
        Assert.Contains(new UrgentWordMatched("police", "en"), turn.Events);
    }

    [Theory]
    [InlineData("hello", "साहुले कुट्छ", "ne", "कुट्छ")]
    [InlineData("hello", "wananipiga", "sw", "wananipiga")]
    [InlineData("habari", "dipukul", "id", "dipukul")]
    public void An_urgent_word_of_one_other_language_only_switches_a_guessed_language_to_it(string greeting, string urgent, string language, string word)
    {
        var host = new FakeHost(Engine);
        host.Send(greeting);

        var turn = host.Send(urgent);

        Assert.Equal(language, turn.Language);
        Assert.Equal([Text(language, "distress"), Text(language, "safe_now")], turn.Replies());
        Assert.Contains(new UrgentWordMatched(word, language), turn.Events);
    }

    /// <summary>A language chosen from the menu stays, whichever language's word it is.</summary>
    [Fact]
    public void An_urgent_word_of_another_language_keeps_a_language_chosen_from_the_menu()
    {
        var host = AtSafetyQuestion("sw");

        var turn = host.Send("dipukul");

        Assert.Equal("sw", turn.Language);
        Assert.Contains(new UrgentWordMatched("dipukul", "id"), turn.Events);
    }
}
