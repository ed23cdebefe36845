namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// Opting out silences the hotline, caseworkers included, until the person sends START: only a word that means
/// stop and nothing else may do it. These mean "wait", "hold on", "closed", "stand" or "OK" as well.
/// </summary>
public sealed class NeverOptOutTests
{
    private static readonly Dictionary<string, string[]> NeverStop = new()
    {
        ["en"] = ["wait", "hold on", "stop it please", "end of the month", "later"],
        ["ar"] = ["قف", "انتظر", "استنى", "لحظة", "wait"],
        ["hi"] = ["ruko", "रुको", "ruko ruko", "band", "बंद", "rukiye", "ek minute", "acha", "achha"],
        ["ur"] = ["ruko", "رکو", "band", "بند", "banda", "بندہ", "acha", "ek minute"],
        ["bn"] = ["thamo", "থামো", "bondho", "বন্ধ", "daraw", "দাঁড়াও"],
        ["ne"] = ["rok", "रोक", "banda", "बन्द", "parkhanus", "पर्खनुहोस्"],
        ["ml"] = ["nikku", "നിൽക്കൂ"],
        ["ta"] = ["iru", "இரு", "konjam iru"],
        ["te"] = ["aagu", "ఆగు"],
        ["si"] = ["inna", "ඉන්න", "poddak inna"],
        ["fil"] = ["teka", "sandali", "hintay", "wait lang"],
        ["id"] = ["tunggu", "sebentar", "bentar"],
        ["am"] = ["ቁም", "ቆይ", "koy"],
        ["sw"] = ["acha", "simama", "subiri", "ngoja"],
    };

    public static TheoryData<string, string> Words() => new(NeverStop.SelectMany(l => l.Value.Select(w => (l.Key, w))));

    [Fact]
    public void The_list_covers_every_language()
    {
        Assert.Equal(Tags.Order(), NeverStop.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Words))]
    public void A_word_that_also_means_wait_does_not_opt_out_mid_intake(string language, string word)
    {
        var host = AtFirstQuestion(language);

        var turn = host.Send(word);

        Assert.DoesNotContain(turn.Events, e => e is OptedOut);
        Assert.NotEmpty(turn.Replies);
    }

    [Theory]
    [MemberData(nameof(Words))]
    public void A_word_that_also_means_wait_does_not_opt_out_as_a_first_message(string language, string word)
    {
        _ = language;

        var turn = new FakeHost(Engine).Send(word);

        Assert.DoesNotContain(turn.Events, e => e is OptedOut);
        Assert.NotEmpty(turn.Replies);
    }

    [Theory, IntakeLanguageData]
    public void No_stop_word_of_a_language_is_on_the_never_list(string language)
    {
        var stops = Support.Intake.Words(language).Stop.Select(w => w.ToLowerInvariant());

        Assert.Empty(stops.Intersect(NeverStop.Values.SelectMany(w => w)));
    }
}
