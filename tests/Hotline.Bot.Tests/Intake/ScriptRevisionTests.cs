using Hotline.Bot.Intake.Loading;

namespace Hotline.Bot.Tests.Intake;

/// <summary>A reviewer's correction of a translation is checked as the loader checks a file, and refused whole when it fails.</summary>
public sealed class ScriptRevisionTests
{
    private static readonly IntakeScript Shipped = IntakeScript.LoadDefault();
    private static readonly Dictionary<string, bool> NoReviews = [];

    [Fact]
    public void A_corrected_translation_replaces_the_shipped_one_and_nothing_else()
    {
        var revised = Shipped.Revise(new Dictionary<TranslationKey, string> { [new("sw", "not_safe")] = "Sawa. Andika tena ukiwa salama." }, NoReviews);

        Assert.Equal(("Sawa. Andika tena ukiwa salama.", Shipped.Text("sw", "danger"), Shipped.Text("fil", "not_safe")),
            (revised.Text("sw", "not_safe"), revised.Text("sw", "danger"), revised.Text("fil", "not_safe")));
    }

    [Fact]
    public void A_language_marked_reviewed_says_so()
    {
        var revised = Shipped.Revise(new Dictionary<TranslationKey, string>(), new Dictionary<string, bool> { ["hi"] = true });

        Assert.Equal((true, false), (revised.FindLanguage("hi")!.Reviewed, revised.FindLanguage("ur")!.Reviewed));
    }

    [Fact]
    public void A_translation_without_the_base_languages_placeholder_is_refused()
    {
        var refused = Assert.Throws<ScriptValidationException>(() =>
            Shipped.Revise(new Dictionary<TranslationKey, string> { [new("sw", "danger_help")] = "Piga simu sasa." }, NoReviews));

        Assert.Equal([new ScriptProblem("danger_help", "sw", "must keep {emergency_number} exactly as written, brackets included (the hotline fills it in when it sends the text)")], refused.Problems);
    }

    [Fact]
    public void A_translation_longer_than_two_segments_is_refused()
    {
        var refused = Assert.Throws<ScriptValidationException>(() =>
            Shipped.Revise(new Dictionary<TranslationKey, string> { [new("sw", "not_safe")] = string.Join(' ', Enumerable.Repeat("Sawa sana.", 31)) }, NoReviews));

        Assert.Equal([new ScriptProblem("not_safe", "sw", "is too long: 3 SMS segments (340 GSM-7 septets) where at most 2 are allowed; shorten it")], refused.Problems);
    }

    [Fact]
    public void A_translation_in_another_writing_system_is_refused()
    {
        var refused = Assert.Throws<ScriptValidationException>(() =>
            Shipped.Revise(new Dictionary<TranslationKey, string> { [new("hi", "not_safe")] = "OK. Write again when it is safe." }, NoReviews));

        Assert.Equal([new ScriptProblem("not_safe", "hi", "is not written in the Devanagari script: 0 of its 24 letters are")], refused.Problems);
    }

    [Fact]
    public void Urdu_letters_in_a_Hindi_text_are_refused()
    {
        var refused = Assert.Throws<ScriptValidationException>(() =>
            Shipped.Revise(new Dictionary<TranslationKey, string> { [new("hi", "not_safe")] = "ठीक है। جب محفوظ ہو" }, NoReviews));

        Assert.Equal([new ScriptProblem("not_safe", "hi", "has letters of the Arabic script; write it in the Devanagari script")], refused.Problems);
    }

    [Fact]
    public void The_base_language_is_the_script_itself_and_cannot_be_revised()
    {
        var refused = Assert.Throws<ScriptValidationException>(() =>
            Shipped.Revise(new Dictionary<TranslationKey, string> { [new("en", "not_safe")] = "Fine." }, NoReviews));

        Assert.Equal([new ScriptProblem("not_safe", "en", "is not a translated text of the script")], refused.Problems);
    }
}
