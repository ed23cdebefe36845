namespace Hotline.Bot.Tests.CannedReplies;

public sealed class CannedReplyLoadingTests
{
    private const string FileName = "test-replies.json";

    private const string Valid = """
        { "version": 1,
          "languages": [ { "tag": "en", "reviewed": true }, { "tag": "ne", "reviewed": false } ],
          "replies": [
            { "id": "safe_to_write", "title": "Ask if it is safe to write now",
              "text": { "en": "Is it safe for you to write now?", "ne": "के अहिले तपाईंलाई लेख्न सुरक्षित छ?" } },
            { "id": "person_will_reply", "title": "Thank you, a person will write soon",
              "text": { "en": "Thank you. A person will write to you here soon.", "ne": "धन्यवाद। छिट्टै एक जना मान्छेले यहाँ तपाईंलाई लेख्नेछ।" } }
          ] }
        """;

    [Fact]
    public void A_valid_file_loads_with_each_languages_review_mark()
    {
        var catalog = Load(JsonNode.Parse(Valid)!);

        Assert.Equal(["en", "ne"], catalog.Languages);
        Assert.Equal(new CannedReply("safe_to_write", "Ask if it is safe to write now", "ne", "के अहिले तपाईंलाई लेख्न सुरक्षित छ?", false), catalog.For("ne")[0]);
        Assert.True(catalog.For("en")[0].Reviewed);
    }

    [Fact]
    public void A_missing_translation_refuses_to_load_naming_the_reply_and_the_language()
    {
        var error = Refused(f => f["replies"]![1]!["text"]!.AsObject().Remove("ne"));

        Assert.Contains("reply 'person_will_reply': has no text in 'ne'", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_translation_refuses_to_load()
    {
        var error = Refused(f => f["replies"]![0]!["text"]!["ne"] = "  ");

        Assert.Contains("reply 'safe_to_write': has no text in 'ne'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_in_a_language_the_file_does_not_declare_refuses_to_load()
    {
        var error = Refused(f => f["replies"]![0]!["text"]!["hi"] = "क्या अभी आपके लिए लिखना सुरक्षित है?");

        Assert.Contains("reply 'safe_to_write': has a text in 'hi', which is not a language of the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_longer_than_two_SMS_segments_refuses_to_load()
    {
        var error = Refused(f => f["replies"]![0]!["text"]!["ne"] = string.Concat(Enumerable.Repeat("के अहिले लेख्न सुरक्षित छ? ", 6)));

        Assert.Contains("reply 'safe_to_write': the text in 'ne' is too long: 3 SMS segments (UCS-2) where at most 2 are allowed; shorten it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_refuses_to_load_because_nothing_would_fill_it()
    {
        var error = Refused(f => f["replies"]![0]!["text"]!["en"] = "If you are in danger, call {emergency_number}.");

        Assert.Contains("reply 'safe_to_write': the text in 'en' has a placeholder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_English_refuses_to_load()
    {
        var error = Refused(f =>
        {
            f["languages"]!.AsArray().RemoveAt(0);
            foreach (var reply in f["replies"]!.AsArray())
            {
                reply!["text"]!.AsObject().Remove("en");
            }
        });

        Assert.Contains("language 'en' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_that_does_not_say_whether_it_was_reviewed_refuses_to_load()
    {
        var error = Refused(f => f["languages"]![1]!.AsObject().Remove("reviewed"));

        Assert.Contains("language 'ne': say whether a native speaker has reviewed it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_replies_with_one_id_refuse_to_load()
    {
        var error = Refused(f => f["replies"]![1]!["id"] = "safe_to_write");

        Assert.Contains("reply 'safe_to_write': a reply needs a unique snake_case id", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A caseworker's "Is it safe for you to write now?" holds her replies after a "no" only when the host knows its words.</summary>
    [Fact]
    public void A_file_without_the_question_whether_it_is_safe_to_write_refuses_to_load()
    {
        var error = Refused(f => f["replies"]![0]!["id"] = "safe_to_text");

        Assert.Contains("reply 'safe_to_write' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_without_a_title_refuses_to_load()
    {
        var error = Refused(f => f["replies"]![0]!.AsObject().Remove("title"));

        Assert.Contains("reply 'safe_to_write': has no title", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_refuses_to_load()
    {
        var error = Refused(f => f["replies"]![0]!["titel"] = "typo");

        Assert.Contains("not a valid canned reply file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_texts_for_one_language_refuse_to_load_rather_than_keep_the_last()
    {
        var json = Valid.Replace("\"ne\": \"धन्यवाद।", "\"ne\": \"x\", \"ne\": \"धन्यवाद।", StringComparison.Ordinal);

        var error = Assert.Throws<CannedReplyException>(() => CannedReplyCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), FileName));

        Assert.Contains("not a valid canned reply file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var error = Refused(f =>
        {
            f["replies"]![0]!["text"]!.AsObject().Remove("ne");
            f["replies"]![1]!["text"]!.AsObject().Remove("en");
        });

        Assert.Equal(["reply 'safe_to_write': has no text in 'ne'", "reply 'person_will_reply': has no text in 'en'"], error.Problems);
    }

    [Fact]
    public void Null_entries_refuse_to_load_rather_than_crash()
    {
        var error = Refused(f =>
        {
            f["languages"]!.AsArray().Add(null);
            f["replies"]!.AsArray().Add(null);
        });

        Assert.Contains("language '': a language needs a unique tag", error.Message, StringComparison.Ordinal);
        Assert.Contains("reply '': a reply needs a unique snake_case id", error.Message, StringComparison.Ordinal);
    }

    private static CannedReplyCatalog Load(JsonNode file) =>
        CannedReplyCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(file.ToJsonString())), FileName);

    private static CannedReplyException Refused(Action<JsonNode> breakIt)
    {
        var file = JsonNode.Parse(Valid)!;
        breakIt(file);
        return Assert.Throws<CannedReplyException>(() => Load(file));
    }
}
