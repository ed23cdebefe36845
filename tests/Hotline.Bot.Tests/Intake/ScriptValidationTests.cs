using Hotline.Bot.Intake.Loading;

namespace Hotline.Bot.Tests.Intake;

public sealed class ScriptValidationTests
{
    private const string FileName = "tiny-intake.json";

    // The smallest script the loader accepts: two languages, a safety question and its two endings.
    internal const string Tiny = """
        {
          "id": "tiny", "version": 1, "base_language": "en", "resume_step": "safe_now",
          "languages": [
            { "tag": "en", "name": "English", "english_name": "English", "script": "Latn", "reviewed": false,
              "words": { "yes": ["yes"], "no": ["no"], "stop": ["stop"], "start": ["start"], "help": ["help"],
                         "distress": ["save me"], "urgent": ["locked in"], "not_safe": ["not safe"], "person": ["person"], "language": ["language"], "greeting": ["hello"], "name": ["english"] } },
            { "tag": "sw", "name": "Kiswahili", "english_name": "Swahili", "script": "Latn", "reviewed": false,
              "words": { "yes": ["ndiyo"], "no": ["hapana"], "stop": ["sitisha"], "start": ["anza"], "help": ["msaada"],
                         "distress": ["nisaidie"], "urgent": ["kupigwa"], "not_safe": ["si salama"], "person": ["mtu"], "language": ["lugha"], "greeting": ["habari"], "name": ["kiswahili"] } }
          ],
          "steps": [
            { "id": "language", "type": "language", "next": "safe_now" },
            { "id": "safe_now", "type": "yes_no", "text": "Safe now? 1 Yes 2 No", "on_yes": "done", "on_no": "not_safe", "on_unknown": "done" },
            { "id": "not_safe", "type": "quiet", "text": "OK.", "reason": "not_safe_now" },
            { "id": "done", "type": "handoff", "text": "Wait {wait_minutes} minutes.", "reason": "intake_complete" }
          ],
          "messages": { "help": "Help.", "opted_in": "On.", "person": "Soon.", "discreet": "Wrong number.", "reask": "1 or 2?", "distress": "Call now.", "language_menu": "Reply with a number.", "closed": "From {opens_at}." },
          "localization": {
            "sw": { "safe_now": "Salama sasa? 1 Ndiyo 2 Hapana", "not_safe": "Sawa.", "done": "Subiri dakika {wait_minutes}.",
                    "help": "Msaada.", "opted_in": "Sawa.", "person": "Hivi karibuni.", "discreet": "Namba si sahihi.",
                    "reask": "1 au 2?", "distress": "Piga simu sasa.", "language_menu": "Jibu kwa namba.", "closed": "Kuanzia {opens_at}." }
          }
        }
        """;

    [Fact]
    public void The_tiny_script_loads()
    {
        var script = Load(JsonNode.Parse(Tiny)!);

        Assert.Equal(["en", "sw"], script.Languages.Select(l => l.Tag));
    }

    [Fact]
    public void A_missing_translation_refuses_to_load()
    {
        var error = Refused(s => s["localization"]!["sw"]!.AsObject().Remove("done"));

        AssertNames(error, "done", "sw", "has no translation");
    }

    [Fact]
    public void An_unreachable_step_refuses_to_load()
    {
        var error = Refused(s => s["steps"]!.AsArray().Add(JsonNode.Parse("""{ "id": "orphan", "type": "handoff", "text": "x", "reason": "lost" }""")));

        AssertNames(error, "orphan", "en", "cannot be reached");
    }

    [Fact]
    public void A_branch_to_a_missing_step_refuses_to_load()
    {
        var error = Refused(s => s["steps"]![1]!["on_yes"] = "danger");

        AssertNames(error, "safe_now", "en", "branches to 'danger', which does not exist");
    }

    [Fact]
    public void A_placeholder_that_differs_between_languages_refuses_to_load()
    {
        var error = Refused(s => s["localization"]!["sw"]!["done"] = "Subiri dakika {emergency_number}.");

        AssertNames(error, "done", "sw",
            "must keep {wait_minutes} exactly as written, brackets included (the hotline fills it in when it sends the text); has {emergency_number}, which the original text does not: take it out");
    }

    [Fact]
    public void An_unknown_placeholder_refuses_to_load()
    {
        var error = Refused(s =>
        {
            s["steps"]![3]!["text"] = "Wait {wait_minute} minutes.";
            s["localization"]!["sw"]!["done"] = "Subiri dakika {wait_minute}.";
        });

        AssertNames(error, "done", "en", "{wait_minute} is not a placeholder");
    }

    [Fact]
    public void A_prompt_longer_than_two_segments_in_its_encoding_refuses_to_load()
    {
        // Two UCS-2 parts hold 134 units; 135 Bengali letters need a third.
        var error = Refused(s => s["localization"]!["sw"]!["safe_now"] = new string('ক', 135));

        AssertNames(error, "safe_now", "sw", "3 SMS segments");
    }

    [Fact]
    public void A_prompt_is_measured_as_sent_with_its_placeholders_at_their_widest()
    {
        // 118 letters outside GSM-7 (Latin, as Swahili is written) and the 16-character widest number are 134 units: two parts, although the raw text is longer.
        var script = JsonNode.Parse(Tiny)!;
        WithEmergencyNumber(script, new string('ŵ', 118));

        Assert.NotNull(Load(script));
    }

    [Fact]
    public void A_prompt_too_long_once_its_placeholders_are_filled_refuses_to_load()
    {
        var error = Refused(s => WithEmergencyNumber(s, new string('ŵ', 119)));

        AssertNames(error, "done", "sw", "3 SMS segments");
    }

    [Fact]
    public void The_closed_text_is_measured_with_its_widest_opening_time()
    {
        // Swahili's widest opening time is "Jumapili 28 Jan 23:59" (21 septets, the form with a date): 285 + 1 + 21
        // septets need a third part, although the weekday-only form ("Jumapili 23:59") would fit.
        var error = Refused(s => s["localization"]!["sw"]!["closed"] = new string('a', 285) + " {opens_at}");

        AssertNames(error, "closed", "sw", "3 SMS segments");
    }

    [Fact]
    public void A_closed_text_that_fits_with_its_widest_opening_time_loads()
    {
        var script = JsonNode.Parse(Tiny)!;
        script["localization"]!["sw"]!["closed"] = new string('a', 284) + " {opens_at}";

        Assert.NotNull(Load(script));
    }

    [Fact]
    public void A_translation_in_another_writing_system_refuses_to_load()
    {
        var error = Refused(s => s["localization"]!["sw"]!["help"] = "मदद");

        AssertNames(error, "help", "sw", "has letters of the Devanagari script");
    }

    [Fact]
    public void A_long_GSM_prompt_is_measured_in_septets()
    {
        var error = Refused(s => s["messages"]!["help"] = new string('a', 307));

        AssertNames(error, "help", "en", "GSM-7 septets");
    }

    [Fact]
    public void A_misspelt_key_refuses_to_load()
    {
        var error = Refused(s => s["steps"]![1]!["on_yse"] = "done");

        Assert.Contains(FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("on_yse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_without_stop_words_refuses_to_load()
    {
        var error = Refused(s => s["languages"]![1]!["words"]!["stop"] = new JsonArray());

        AssertNames(error, "(none)", "sw", "has no 'stop' words");
    }

    [Fact]
    public void A_word_that_means_two_things_refuses_to_load()
    {
        var error = Refused(s => s["languages"]![1]!["words"]!["stop"]!.AsArray().Add("ndiyo"));

        AssertNames(error, "(none)", "sw", "'ndiyo' means both");
    }

    [Fact]
    public void A_language_that_does_not_say_whether_it_was_reviewed_refuses_to_load()
    {
        var error = Refused(s => s["languages"]![1]!.AsObject().Remove("reviewed"));

        AssertNames(error, "(none)", "sw", "reviewed");
    }

    [Fact]
    public void Null_entries_refuse_to_load_rather_than_crash()
    {
        var error = Refused(s =>
        {
            s["languages"]!.AsArray().Add(null);
            s["steps"]!.AsArray().Add(null);
            s["messages"]!["help"] = null;
            s["localization"]!["sw"] = null;
        });

        Assert.Contains("a step entry is null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mangled_script_is_refused_with_a_validation_error_and_never_a_crash()
    {
        var random = new Random(7);
        JsonNode?[] replacements = [null, 0, -1, "", "x", true, new JsonObject(), new JsonArray()];
        for (var i = 0; i < 500; i++)
        {
            var script = JsonNode.Parse(Tiny)!;
            for (var mutations = random.Next(1, 4); mutations > 0; mutations--)
            {
                var nodes = Descendants(script).ToList();
                var node = nodes[random.Next(nodes.Count)];
                var replacement = replacements[random.Next(replacements.Length)]?.DeepClone();
                if (node.Parent is JsonObject parent)
                {
                    parent[node.GetPropertyName()] = replacement;
                }
                else if (node.Parent is JsonArray array)
                {
                    array[node.GetElementIndex()] = replacement;
                }
            }

            var error = Record.Exception(() => Load(script));
            Assert.True(error is null or ScriptValidationException, $"{error}\n{script.ToJsonString()}");
        }
    }

    [Fact]
    public void Invalid_JSON_refuses_to_load_and_names_the_file()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{ \"id\": "));

        var error = Assert.Throws<ScriptValidationException>(() => IntakeScript.Load(stream, FileName));

        Assert.StartsWith(FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var error = Refused(s =>
        {
            s["localization"]!["sw"]!.AsObject().Remove("done");
            s["steps"]![1]!["on_yes"] = "danger";
        });

        Assert.Equal(2, error.Problems.Count);
    }

    internal static void AssertNames(ScriptValidationException error, string step, string language, string reason)
    {
        Assert.Contains(FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains($"step '{step}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"language '{language}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var grandchild in Descendants(child))
            {
                yield return grandchild;
            }
        }
    }

    private static void WithEmergencyNumber(JsonNode script, string swahiliPrefix)
    {
        script["steps"]![3]!["text"] = "Call {emergency_number}.";
        script["localization"]!["sw"]!["done"] = swahiliPrefix + "{emergency_number}";
    }

    internal static ScriptValidationException Refused(Action<JsonNode> breakIt)
    {
        var script = JsonNode.Parse(Tiny)!;
        breakIt(script);
        return Assert.Throws<ScriptValidationException>(() => Load(script));
    }

    internal static IntakeScript Load(JsonNode script)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(script.ToJsonString()));
        return IntakeScript.Load(stream, FileName);
    }
}
