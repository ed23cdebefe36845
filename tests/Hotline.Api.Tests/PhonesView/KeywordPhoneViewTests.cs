namespace Hotline.Api.Tests.PhonesView;

/// <summary>STOP, START, HELP and asking for a person, as the phone shows them, in every language.</summary>
[Collection(nameof(PhoneViewHost))]
public sealed class KeywordPhoneViewTests(PhoneViewHost host)
{
    [Fact]
    public async Task Help_is_answered_stop_silences_everything_including_help_and_start_resumes()
    {
        var view = await PhoneViewHost.InEveryLanguageAsync(async language =>
        {
            var phone = await host.NewPhoneInAsync(language);
            await phone.WriteAsync("HELP", "STOP", "1", "HELP", "recipe", "START", "0", "1");
            return phone;
        });

        GoldenFile.Match("stop-start-help", view);
    }

    [Fact]
    public async Task Each_languages_own_help_stop_and_start_words_work_as_help_stop_and_start()
    {
        var view = await PhoneViewHost.InEveryLanguageAsync(async language =>
        {
            var words = PhoneViewHost.Script.FindLanguage(language)!.Words;
            var phone = await host.NewPhoneInAsync(language);
            await phone.WriteShownAsAsync(words.Help[0], $"the first {language} help word");
            await phone.WriteShownAsAsync(words.Stop[0], $"the first {language} stop word");
            await phone.WriteShownAsAsync(words.Help[0], $"the first {language} help word");
            await phone.WriteShownAsAsync(words.Start[0], $"the first {language} start word");
            return phone;
        });

        GoldenFile.Match("own-words-stop-start-help", view);
    }

    [Fact]
    public async Task Each_languages_own_language_word_brings_the_menu_with_how_to_answer_it_in_that_language()
    {
        var view = await PhoneViewHost.InEveryLanguageAsync(async language =>
        {
            var words = PhoneViewHost.Script.FindLanguage(language)!.Words;
            var phone = await host.NewPhoneInAsync(language);
            await phone.WriteShownAsAsync(words.Language[0], $"the first {language} language word");
            await phone.WriteAsync(PhoneViewHost.MenuNumber(language));
            return phone;
        });

        GoldenFile.Match("own-language-word-menu", view);
    }

    [Fact]
    public async Task Stop_cancels_the_replies_still_waiting_in_the_outbox_the_last_word_included()
    {
        var view = await PhoneViewHost.InEveryLanguageAsync(async language =>
        {
            var phone = await host.NewPhoneInAsync(language);
            await phone.WriteBeforeTheOutboxRunsAsync("1");
            await phone.WriteBeforeTheOutboxRunsAsync(IntakePhoneViewTests.DiscreetWord);
            await phone.WriteAsync("STOP");
            await phone.MeanwhileAsync("the outbox is sent again");
            return phone;
        });

        GoldenFile.Match("stop-cancels-queued-replies", view);
    }

    [Fact]
    public async Task No_message_that_reached_a_phone_names_the_hotline_or_what_it_is_for()
    {
        string[] revealing = ["hotline", "trafficking", "trafficked", "police", "exploitation", "forced labour", "forced labor", "NGO", "shelter", "report"];

        var received = GoldenFile.All().SelectMany(golden => golden.Text.Split('\n')
            .Where(line => line.StartsWith("< ", StringComparison.Ordinal)).Select(line => (golden.Name, Line: line)));

        Assert.All(received, message => Assert.DoesNotContain(revealing, word => message.Line.Contains(word, StringComparison.OrdinalIgnoreCase)));
    }
}
