namespace Hotline.Bot.Tests.CannedReplies;

public sealed class CannedReplyLanguageTests
{
    private static readonly CannedReplyCatalog Catalog = CannedReplyCatalog.LoadDefault();

    [Theory]
    [InlineData("xx")]
    [InlineData("de")]
    [InlineData("zh-Hant-TW")]
    public void An_unknown_language_falls_back_to_English(string language)
    {
        Assert.Equal(Catalog.For("en"), Catalog.For(language));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("e n")]
    [InlineData("<script>")]
    public void Something_that_is_not_a_language_tag_falls_back_to_English(string? language)
    {
        Assert.Equal("en", Catalog.Resolve(language));
    }

    [Theory]
    [InlineData("hi-IN", "hi")]
    [InlineData("fil_PH", "fil")]
    [InlineData("NE", "ne")]
    [InlineData("tl", "fil")]
    [InlineData("in", "id")]
    [InlineData("sw-KE", "sw")]
    public void A_regional_or_older_tag_finds_its_language(string tag, string expected)
    {
        Assert.Equal(expected, Catalog.Resolve(tag));
        Assert.All(Catalog.For(tag), r => Assert.Equal(expected, r.Language));
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("fil", true)]
    [InlineData("hi-IN", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("", false)]
    [InlineData("e", false)]
    [InlineData("english", false)]
    [InlineData("en-", false)]
    [InlineData("en\n", false)]
    [InlineData("../en", false)]
    public void Only_the_shape_of_a_language_tag_counts_as_one(string value, bool expected)
    {
        Assert.Equal(expected, CannedReplyCatalog.IsLanguageTag(value));
    }
}
