namespace Hotline.Api.Tests.PhonesView;

/// <summary>The intake as the person's phone shows it, in every language: exactly the messages that arrived, in order.</summary>
[Collection(nameof(PhoneViewHost))]
public sealed class IntakePhoneViewTests(PhoneViewHost host)
{
    public const string DiscreetWord = "recipe";

    /// <summary>What the person answers, from the first question, to reach each question of the default script.</summary>
    public static readonly IReadOnlyList<(string Step, string[] Answers)> PathToEachQuestion =
    [
        ("safe_now", []),
        ("danger", ["1"]),
        ("consent", ["1", "2"]),
        ("documents", ["1", "2", "1"]),
        ("wages", ["1", "2", "1", "2"]),
        ("free_to_leave", ["1", "2", "1", "2", "2"]),
        ("debt", ["1", "2", "1", "2", "2", "2"]),
        ("threats", ["1", "2", "1", "2", "2", "2", "2"]),
        ("deceived", ["1", "2", "1", "2", "2", "2", "2", "2"]),
        ("hours", ["1", "2", "1", "2", "2", "2", "2", "2", "2"]),
        ("isolation", ["1", "2", "1", "2", "2", "2", "2", "2", "2", "2"]),
        ("living", ["1", "2", "1", "2", "2", "2", "2", "2", "2", "2", "2"]),
        ("location", ["1", "2", "1", "2", "2", "2", "2", "2", "2", "2", "2", "2"]),
        ("done", ["1", "2", "1", "2", "2", "2", "2", "2", "2", "2", "2", "2", "near the old market"]),
    ];

    [Fact]
    public async Task Safe_to_text_the_whole_intake_arrives_question_by_question_and_nothing_after_the_hand_off()
    {
        var view = await PhoneViewHost.InEveryLanguageAsync(async language =>
        {
            var phone = await host.NewPhoneInAsync(language);
            await phone.WriteAsync(PathToEachQuestion[^1].Answers);
            await phone.WriteAsync("thank you");
            return phone;
        });

        GoldenFile.Match("safe-to-text", view);
    }

    [Fact]
    public async Task Not_safe_gets_one_neutral_acknowledgement_then_nothing_until_the_person_writes_again()
    {
        var view = await PhoneViewHost.InEveryLanguageAsync(async language =>
        {
            var phone = await host.NewPhoneInAsync(language);
            await phone.WriteAsync("2");
            await phone.MeanwhileAsync("the outbox is sent again: nothing more goes to a quiet phone");
            await phone.WriteAsync("hi", "1");
            return phone;
        });

        GoldenFile.Match("not-safe", view);
    }

    /// <summary>
    /// "Not safe" in the person's own words at the safety question gets what "2" gets; before, the words were an unclear
    /// answer, and the phone got "Please reply with just a number: 1 for yes, 2 for no. Reply 0 to talk to a person.". Under
    /// the passport question they are read as before, an unclear answer: anywhere but the safety question such words say
    /// other things as often ("I can't talk to my family"), and a quiet there silenced people (docs/intake/words.md).
    /// </summary>
    [Fact]
    public async Task Not_safe_in_words_at_the_safety_question_gets_the_acknowledgement_2_gets_and_under_another_question_is_an_unclear_answer()
    {
        var view = await PhoneViewHost.InEveryLanguageAsync(async language =>
        {
            var notSafe = PhoneViewHost.Script.FindLanguage(language)!.Words.NotSafe[0];
            var phone = await host.NewPhoneInAsync(language);
            await phone.WriteAsync(notSafe);
            await phone.MeanwhileAsync("the outbox is sent again: nothing more goes to a quiet phone");
            await phone.WriteAsync("hi", "1", "2", "1", notSafe, "1");
            return phone;
        });

        GoldenFile.Match("not-safe-in-words", view);
    }

    /// <summary>
    /// "I am not safe" under "Are you in danger right now?" may be the answer: it is that question's unclear answer, whose
    /// hand-off tells the emergency number, never a quiet that would hold the number back until the person writes again.
    /// </summary>
    [Fact]
    public async Task Not_safe_under_the_danger_question_is_its_unclear_answer_and_the_emergency_number_follows()
    {
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("1", "I am not safe", "hi", "1");

        GoldenFile.Match("not-safe-in-words-under-danger", phone.View);
    }

    [Fact]
    public async Task Danger_gets_the_emergency_number_and_the_intake_goes_on()
    {
        var view = await PhoneViewHost.InEveryLanguageAsync(async language =>
        {
            var phone = await host.NewPhoneInAsync(language);
            await phone.WriteAsync("1", "1", "2");
            return phone;
        });

        GoldenFile.Match("danger", view);
    }

    [Fact]
    public async Task The_discreet_word_gets_the_wrong_number_decoy_in_the_persons_language_then_silence()
    {
        var view = await PhoneViewHost.InEveryLanguageAsync(async language =>
        {
            var phone = await host.NewPhoneInAsync(language);
            await phone.WriteAsync("1", DiscreetWord);
            await phone.MeanwhileAsync("the outbox is sent again: nothing more goes to a quiet phone");
            await phone.WriteAsync("hi", "1");
            return phone;
        });

        GoldenFile.Match("discreet-word", view);
    }

    [Fact]
    public async Task The_discreet_word_at_every_step_gets_the_decoy_and_nothing_more_until_the_person_writes_again()
    {
        var view = new System.Text.StringBuilder();
        var menu = host.NewPhone();
        await menu.WriteAsync("👋", DiscreetWord, "hi");
        view.AppendLine("## at the language menu").Append(menu.View);
        foreach (var (step, answers) in PathToEachQuestion)
        {
            var phone = await host.NewPhoneInAsync("en");
            await phone.WriteAsync(answers);
            await phone.WriteAsync(DiscreetWord);
            await phone.MeanwhileAsync("the outbox is sent again");
            await phone.WriteAsync("hi");
            view.Append("## at ").AppendLine(step).Append(phone.View);
        }

        var quiet = await host.NewPhoneInAsync("en");
        await quiet.WriteAsync("2", DiscreetWord, DiscreetWord);
        view.AppendLine("## after not safe, twice").Append(quiet.View);

        GoldenFile.Match("discreet-word-every-step", view.ToString().ReplaceLineEndings("\n"));
    }
}
