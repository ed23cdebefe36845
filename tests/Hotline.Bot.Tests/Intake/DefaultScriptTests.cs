namespace Hotline.Bot.Tests.Intake;

public sealed class DefaultScriptTests
{
    // Words that would tell someone else reading the phone what this number is. Kept per language because the
    // translations are unreviewed: a test is the cheapest native speaker we have. Stems where a word inflects
    // (Sinhala "පොලිස" catches both "පොලිස්" and "පොලිසිය").
    private static readonly Dictionary<string, string[]> Forbidden = new()
    {
        ["en"] = ["hotline", "helpline", "traffick", "police", "slavery", "slave", "victim", "exploitation", "smuggl", "ngo", "charity", "embassy"],
        ["ar"] = ["شرطة", "الشرطة", "اتجار", "الاتجار", "خط ساخن", "عبودية", "ضحية", "سفارة"],
        ["hi"] = ["पुलिस", "तस्करी", "हेल्पलाइन", "हॉटलाइन", "गुलामी", "पीड़ित", "दूतावास"],
        ["ur"] = ["پولیس", "اسمگلنگ", "ہیلپ لائن", "غلامی", "متاثرہ", "سفارت"],
        ["bn"] = ["পুলিশ", "পাচার", "হেল্পলাইন", "হটলাইন", "দাসত্ব", "দূতাবাস"],
        ["ne"] = ["प्रहरी", "पुलिस", "तस्करी", "बेचबिखन", "हेल्पलाइन", "दूतावास"],
        ["ml"] = ["പോലീസ്", "കടത്ത്", "ഹെൽപ്‌ലൈൻ", "അടിമ", "എംബസി"],
        ["ta"] = ["காவல்", "போலீஸ்", "கடத்தல்", "அடிமை", "தூதரகம்"],
        ["te"] = ["పోలీస్", "పోలీసు", "అక్రమ రవాణా", "బానిస", "రాయబార"],
        ["si"] = ["පොලිස", "ජාවාරම", "වහල්", "තානාපති"],
        ["fil"] = ["pulis", "trafficking", "alipin", "biktima", "embahada"],
        ["id"] = ["polisi", "perdagangan orang", "budak", "korban", "kedutaan"],
        ["am"] = ["ፖሊስ", "ሕገወጥ", "ባርነት", "ኤምባሲ"],
        ["sw"] = ["polisi", "usafirishaji haramu", "utumwa", "mwathirika", "ubalozi"],
    };

    [Fact]
    public void The_default_script_has_the_fourteen_intake_languages_in_menu_order()
    {
        Assert.Equal(["en", "ar", "hi", "ur", "bn", "ne", "ml", "ta", "te", "si", "fil", "id", "am", "sw"], Tags);
    }

    [Fact]
    public void No_translation_claims_a_native_speakers_review_it_has_not_had()
    {
        Assert.All(Script.Languages.Where(l => l.Tag != "en"), l => Assert.False(l.Reviewed, $"{l.Tag} is marked reviewed"));
    }

    [Fact]
    public void English_the_language_translated_from_is_no_draft()
    {
        Assert.Equal(("en", true), (Script.BaseLanguage, Script.FindLanguage("en")!.Reviewed));
    }

    [Theory, IntakeLanguageData]
    public void Each_language_is_named_in_its_own_script(string language)
    {
        var entry = Script.FindLanguage(language)!;

        Assert.Equal(entry.Script, WritingSystems.OfFirstLetter(entry.Name));
    }

    [Theory, IntakeLanguageData]
    public void Every_text_fits_two_SMS_segments_even_with_the_widest_placeholders(string language)
    {
        Assert.All(Script.TextIds.SelectMany(id => Placeholders.FillWidest(Script.Text(language, id), language).Select(text => (id, text))), filled =>
        {
            var measure = SmsSegments.Measure(filled.text);
            Assert.True(measure.Segments <= 2, $"{language}/{filled.id} is {measure.Segments} segments: {filled.text}");
        });
    }

    [Fact]
    public void The_language_menu_fits_two_SMS_segments()
    {
        Assert.True(SmsSegments.Measure(Script.LanguageMenu).Segments <= 2);
    }

    [Theory, IntakeLanguageData]
    public void No_text_names_the_organisation_or_what_it_is_for(string language)
    {
        var words = Forbidden[language].Concat(Forbidden["en"]).ToList();
        var texts = Script.TextIds.Select(id => Script.Text(language, id)).Append(Script.LanguageMenu);

        Assert.All(texts, text => Assert.DoesNotContain(words, w => text.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void The_forbidden_word_lists_cover_every_language()
    {
        Assert.Equal(Tags.Order(), Forbidden.Keys.Order());
    }

    [Theory, IntakeLanguageData]
    public void Every_yes_no_question_offers_1_and_2(string language)
    {
        var questions = Script.Steps.Where(s => s.Kind == StepKind.YesNo && s.Id != Script.ResumeStepId);

        Assert.All(questions, q => Assert.Matches(@"1 \S+ 2 \S+$", Script.Text(language, q.Id)));
    }
}
