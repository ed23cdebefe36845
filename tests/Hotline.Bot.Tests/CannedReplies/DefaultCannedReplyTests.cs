namespace Hotline.Bot.Tests.CannedReplies;

public sealed class DefaultCannedReplyTests
{
    private static readonly CannedReplyCatalog Catalog = CannedReplyCatalog.LoadDefault();

    private static readonly string[] Tags = ["en", "ar", "hi", "ur", "bn", "ne", "ml", "ta", "te", "si", "fil", "id", "am", "sw"];

    // Words that would tell someone else reading the phone what this number is. Kept per language because the
    // translations are unreviewed: a test is the cheapest native speaker we have. English is checked in every
    // language too, since workers mix English words into their own.
    private static readonly Dictionary<string, string[]> Forbidden = new()
    {
        ["en"] = ["hotline", "helpline", "traffick", "police", "slavery", "slave", "victim", "exploitation", "smuggl", "ngo", "charity",
            "non-profit", "nonprofit", "organisation", "organization", "embassy", "rescue"],
        ["ar"] = ["شرطة", "الشرطة", "اتجار", "الاتجار", "خط ساخن", "عبودية", "ضحية", "سفارة", "منظمة", "جمعية", "خيرية"],
        ["hi"] = ["पुलिस", "तस्करी", "हेल्पलाइन", "हॉटलाइन", "गुलामी", "पीड़ित", "दूतावास", "एनजीओ", "संस्था", "चैरिटी", "धर्मार्थ"],
        ["ur"] = ["پولیس", "اسمگلنگ", "ہیلپ لائن", "غلامی", "متاثرہ", "سفارت", "این جی او", "تنظیم", "خیراتی"],
        ["bn"] = ["পুলিশ", "পাচার", "হেল্পলাইন", "হটলাইন", "দাসত্ব", "দূতাবাস", "এনজিও", "সংস্থা", "দাতব্য"],
        ["ne"] = ["प्रहरी", "पुलिस", "तस्करी", "बेचबिखन", "हेल्पलाइन", "दूतावास", "एनजीओ", "गैरसरकारी", "संस्था", "परोपकार"],
        ["ml"] = ["പോലീസ്", "കടത്ത്", "ഹെൽപ്‌ലൈൻ", "അടിമ", "എംബസി", "എൻജിഒ", "സംഘടന", "ചാരിറ്റി"],
        ["ta"] = ["காவல்", "போலீஸ்", "கடத்தல்", "அடிமை", "தூதரகம்", "என்ஜிஓ", "தொண்டு", "அரசு சாரா"],
        ["te"] = ["పోలీస్", "పోలీసు", "అక్రమ రవాణా", "బానిస", "రాయబార", "ఎన్జీఓ", "స్వచ్ఛంద", "దాతృత్వ"],
        ["si"] = ["පොලිස්", "ජාවාරම", "වහල්", "තානාපති", "රාජ්‍ය නොවන", "සංවිධාන", "පුණ්‍යායතන"],
        ["fil"] = ["pulis", "trafficking", "alipin", "biktima", "embahada", "kawanggawa", "samahan"],
        ["id"] = ["polisi", "perdagangan orang", "budak", "korban", "kedutaan", "lsm", "lembaga swadaya", "badan amal", "yayasan"],
        ["am"] = ["ፖሊስ", "ሕገወጥ", "ባርነት", "ኤምባሲ", "በጎ አድራጎት", "መንግሥታዊ ያልሆነ", "ድርጅት"],
        ["sw"] = ["polisi", "usafirishaji haramu", "utumwa", "mwathirika", "ubalozi", "shirika", "hisani"],
    };

    public static TheoryData<string> AllTags() => new(Tags);

    [Fact]
    public void The_default_catalog_has_the_fourteen_intake_languages_in_menu_order()
    {
        Assert.Equal(Tags, Catalog.Languages);
    }

    [Fact]
    public void Every_language_of_the_intake_script_has_canned_replies()
    {
        Assert.Equal(IntakeScript.LoadDefault().Languages.Select(l => l.Tag), Catalog.Languages);
    }

    [Theory]
    [MemberData(nameof(AllTags))]
    public void Every_reply_has_a_text_in_every_language(string language)
    {
        var replies = Catalog.For(language);

        Assert.Equal(Catalog.For("en").Select(r => r.Id), replies.Select(r => r.Id));
        Assert.All(replies, r => Assert.Equal(language, r.Language));
        Assert.All(replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Text), $"{language}/{r.Id} is blank"));
    }

    [Fact]
    public void There_are_about_ten_replies_each_with_an_English_title()
    {
        var replies = Catalog.For("en");

        Assert.InRange(replies.Count, 8, 15);
        Assert.All(replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Title), $"{r.Id} has no title"));
    }

    [Theory]
    [MemberData(nameof(AllTags))]
    public void Every_text_fits_two_SMS_segments(string language)
    {
        Assert.All(Catalog.For(language), r =>
        {
            var measure = SmsSegments.Measure(r.Text);
            Assert.True(measure.Segments <= 2, $"{language}/{r.Id} is {measure.Segments} segments");
        });
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fil")]
    [InlineData("id")]
    [InlineData("sw")]
    public void Latin_script_texts_stay_in_GSM_7_so_a_stray_curly_quote_does_not_halve_the_room(string language)
    {
        Assert.All(Catalog.For(language), r => Assert.True(SmsSegments.Measure(r.Text).Encoding == SmsEncoding.Gsm7, $"{language}/{r.Id} needs UCS-2"));
    }

    [Theory]
    [MemberData(nameof(AllTags))]
    public void No_text_names_the_organisation_or_what_it_is_for(string language)
    {
        var words = Forbidden[language].Concat(Forbidden["en"]).ToList();

        Assert.All(Catalog.For(language), r =>
        {
            var found = words.Where(w => r.Text.Contains(w, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(found.Count == 0, $"{language}/{r.Id} says {string.Join(", ", found)}");
        });
    }

    [Fact]
    public void The_forbidden_word_lists_cover_every_language()
    {
        Assert.Equal(Tags.Order(), Forbidden.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(AllTags))]
    public void No_translation_claims_a_native_speakers_review_it_has_not_had(string language)
    {
        Assert.All(Catalog.For(language), r => Assert.True(r.Reviewed == (language == "en"), $"{language}/{r.Id} is marked reviewed: {r.Reviewed}"));
    }
}
