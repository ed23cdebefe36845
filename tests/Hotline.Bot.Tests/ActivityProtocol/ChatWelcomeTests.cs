namespace Hotline.Bot.Tests.ActivityProtocol;

public sealed class ChatWelcomeTests
{
    [Theory]
    [InlineData("ne-NP", "ne")]
    [InlineData("AR", "ar")]
    [InlineData("fil-PH", "fil")]
    [InlineData("tl-PH", "fil")]
    [InlineData("in-ID", "id")]
    [InlineData("fr-FR", "en")]
    [InlineData(null, "en")]
    public void The_welcome_language_is_the_locale_primary_subtag_when_the_hotline_speaks_it(string? locale, string language) =>
        Assert.Equal(language, ChatWelcome.LanguageFor(locale));

    [Fact]
    public void There_is_a_welcome_in_each_of_the_fourteen_intake_languages() =>
        Assert.Equal(["am", "ar", "bn", "en", "fil", "hi", "id", "ml", "ne", "si", "sw", "ta", "te", "ur"],
            ChatWelcome.Languages.Order(StringComparer.Ordinal));

    [Fact]
    public void Endorsements_are_read_from_the_key_parser_additional_data() =>
        Assert.Equal(["webchat", "msteams"], BotAuthentication.ReadEndorsements(JsonDocument.Parse("""["webchat","msteams"]""").RootElement));
}
