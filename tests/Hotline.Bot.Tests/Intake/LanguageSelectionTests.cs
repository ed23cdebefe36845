namespace Hotline.Bot.Tests.Intake;

public sealed class LanguageSelectionTests
{
    [Fact]
    public void A_number_the_SIM_registry_knows_skips_the_menu()
    {
        var host = new FakeHost(Engine, registeredLanguage: "ne");

        var turn = host.Send("hello");

        Assert.Equal(Text("ne", "safe_now"), turn.Reply());
        Assert.Equal("ne", turn.Language);
    }

    [Theory]
    [InlineData("hi-IN", "hi")]
    [InlineData("fil_PH", "fil")]
    [InlineData("tl", "fil")]
    [InlineData("AR-ae", "ar")]
    [InlineData("sw-KE", "sw")]
    public void A_locale_from_the_channel_skips_the_menu(string locale, string language)
    {
        var host = new FakeHost(Engine);

        var turn = host.Send("hello", locale);

        Assert.Equal(Text(language, "safe_now"), turn.Reply());
        Assert.Equal(language, turn.Language);
    }

    [Fact]
    public void The_registry_wins_over_the_locale()
    {
        var turn = new FakeHost(Engine, registeredLanguage: "bn").Send("hello", "en-US");

        Assert.Equal("bn", turn.Language);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("zz-ZZ")]
    [InlineData("")]
    public void A_language_the_script_lacks_shows_the_menu(string registered)
    {
        var turn = new FakeHost(Engine, registeredLanguage: registered).Send("bonjour");

        Assert.Equal(Menu(), turn.Replies());
        Assert.Null(turn.Language);
    }

    [Theory]
    [InlineData("hello", "en")]
    [InlineData("help", "en")]
    [InlineData("Marhaba", "ar")]
    [InlineData("مرحبا", "ar")]
    [InlineData("sahayata", "hi")]
    [InlineData("राम राम", "hi")]
    [InlineData("آداب", "ur")]
    [InlineData("নমস্কার", "bn")]
    [InlineData("के छ?", "ne")]
    [InlineData("നമസ്കാരം", "ml")]
    [InlineData("vanakkam", "ta")]
    [InlineData("నమస్కారం", "te")]
    [InlineData("ආයුබෝවන්", "si")]
    [InlineData("Kumusta po", "fil")]
    [InlineData("halo", "id")]
    [InlineData("ሰላም", "am")]
    [InlineData("Habari", "sw")]
    [InlineData("வணக்கம், எனக்கு உதவி வேண்டும்", "ta")]
    [InlineData("আমার পাসপোর্ট নিয়ে গেছে", "bn")]
    public void A_greeting_or_help_word_picks_its_language_without_the_menu(string first, string language)
    {
        var turn = new FakeHost(Engine).Send(first);

        Assert.Equal(Text(language, "safe_now"), turn.Reply());
        Assert.Equal(language, turn.Language);
    }

    [Theory]
    [InlineData("namaste")]
    [InlineData("नमस्ते")]
    [InlineData("salam")]
    [InlineData("madad")]
    public void A_greeting_shared_by_several_languages_shows_the_menu(string first)
    {
        var turn = new FakeHost(Engine).Send(first);

        Assert.Equal(Menu(), turn.Replies());
    }

    [Theory]
    [InlineData("3", "hi")]
    [InlineData("١٠", "si")]
    [InlineData("१४", "sw")]
    [InlineData("Tagalog", "fil")]
    [InlineData("اردو", "ur")]
    public void The_menu_takes_a_number_in_any_digits_or_a_language_name(string answer, string language)
    {
        var host = new FakeHost(Engine);
        host.Send("?");

        var turn = host.Send(answer);

        Assert.Equal(Text(language, "safe_now"), turn.Reply());
    }

    [Fact]
    public void An_unrecognised_menu_answer_shows_the_menu_once_more_then_goes_on_in_the_base_language()
    {
        var host = new FakeHost(Engine);
        host.Send("?");

        Assert.Equal(Menu(), host.Send("99").Replies());
        Assert.Equal(Text("en", "safe_now"), host.Send("xyz").Reply());
    }

    [Fact]
    public void Changing_language_mid_intake_asks_the_same_question_in_the_new_language()
    {
        var host = AtFirstQuestion("en");

        Assert.Equal(Menu("en"), host.Send("language").Replies());
        var turn = host.Send("2");

        Assert.Equal(Text("ar", "documents"), turn.Reply());
        Assert.Equal("ar", turn.Language);
        Assert.Equal(Text("ar", "wages"), host.Send("نعم").Reply());
    }

    [Fact]
    public void Changing_language_after_the_handoff_confirms_in_the_new_language()
    {
        var host = AtSafetyQuestion("en");
        host.Send("0");
        host.Send("menu");

        var turn = host.Send("13");

        Assert.Equal(Text("am", "person"), turn.Reply());
        Assert.Empty(turn.Events);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("\U0001F44D", 0)]
    [InlineData("\U0001F64F\U0001F64F \u2764\uFE0F", 0)]
    [InlineData("?!", 0)]
    [InlineData("", 1)]
    public void A_message_with_no_words_at_the_menu_gets_one_short_line_pointing_to_it_not_the_menu_again(string text, int media)
    {
        var host = new FakeHost(Engine);
        Assert.Equal(["Reply with the number of your language.", Script.LanguageMenu], host.Send("hallo?").Replies());

        var turn = host.Send(text, media: media);

        Assert.Equal(["Reply with the number of your language."], turn.Replies());
        Assert.Null(turn.Language);
        Assert.Empty(turn.Events);
    }

    [Fact]
    public void A_first_message_with_no_words_gets_the_menu()
    {
        var host = new FakeHost(Engine);

        var turn = host.Send("\U0001F44B", media: 1);

        Assert.Equal(["Reply with the number of your language.", Script.LanguageMenu], turn.Replies());
    }

    [Fact]
    public void Messages_with_no_words_neither_use_up_the_menu_repeat_nor_choose_the_base_language()
    {
        var host = new FakeHost(Engine);
        host.Send("hallo?");
        host.Send("");
        host.Send("\U0001F44D");
        host.Send("", media: 1);

        Assert.Equal(["Reply with the number of your language.", Script.LanguageMenu], host.Send("99").Replies());
        var turn = host.Send("2");

        Assert.Equal(["هل من الآمن أن تكتب الآن؟ أرسل 1 نعم، 2 لا. أرسل 0 في أي وقت للتحدث مع شخص."], turn.Replies());
        Assert.Equal("ar", turn.Language);
    }

    [Fact]
    public void A_message_with_no_words_at_a_menu_asked_for_mid_intake_gets_the_line_in_the_persons_language()
    {
        var host = AtFirstQuestion("hi");
        host.Send("language");

        var turn = host.Send("\U0001F44D");

        Assert.Equal(["अपनी भाषा का नंबर भेजें।"], turn.Replies());
        Assert.Equal(Text("hi", "documents"), host.Send("3").Reply());
    }
}
