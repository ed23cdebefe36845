using static Hotline.Bot.Tests.Intake.ScriptValidationTests;

namespace Hotline.Bot.Tests.Intake;

/// <summary>The loader's checks on the word lists the whole-message reading and the distress handoff rely on.</summary>
public sealed class ScriptWordListTests
{
    [Fact]
    public void A_language_without_distress_words_refuses_to_load()
    {
        var error = Refused(s => s["languages"]![1]!["words"]!.AsObject().Remove("distress"));

        AssertNames(error, "(none)", "sw", "has no 'distress' words");
    }

    [Fact]
    public void An_unsure_phrase_that_is_also_an_answer_refuses_to_load()
    {
        var error = Refused(s => s["languages"]![1]!["words"]!["unsure"] = new JsonArray("hapana"));

        AssertNames(error, "(none)", "sw", "the unsure phrase 'hapana' is also a no word");
    }

    [Fact]
    public void A_language_without_not_safe_phrases_refuses_to_load()
    {
        var error = Refused(s => s["languages"]![1]!["words"]!.AsObject().Remove("not_safe"));

        AssertNames(error, "(none)", "sw", "has no 'not_safe' words");
    }

    /// <summary>A "no" that made the conversation quiet would never answer "no" to a question again.</summary>
    [Fact]
    public void A_not_safe_phrase_that_is_also_an_answer_refuses_to_load()
    {
        var error = Refused(s => s["languages"]![1]!["words"]!["not_safe"] = new JsonArray("hapana"));

        AssertNames(error, "(none)", "sw", "the not-safe phrase 'hapana' is also a no word");
    }

    /// <summary>A not-safe phrase at any step goes where the safety question's "no" goes: it must be the quiet.</summary>
    [Fact]
    public void A_safety_question_whose_no_does_not_go_quiet_refuses_to_load()
    {
        var error = Refused(s => s["steps"]![1]!["on_no"] = "done");

        AssertNames(error, "safe_now", "en", "resume_step's 'on_no' must be a quiet step");
    }

    [Fact]
    public void Answers_borrowed_from_a_language_the_script_lacks_refuse_to_load()
    {
        var error = Refused(s => s["languages"]![0]!["answers_also_in"] = new JsonArray("fil"));

        AssertNames(error, "(none)", "en", "answers_also_in names 'fil'");
    }

    [Fact]
    public void A_history_of_changes_and_rejected_words_loads()
    {
        var script = JsonNode.Parse(Tiny)!;
        script["history"] = JsonNode.Parse("""[{ "version": 1, "date": "2026-12-03", "changes": ["first"], "rejected": ["sw sina: I don't have"] }]""");

        Assert.Equal("tiny", Load(script).Id);
    }
}
