namespace Hotline.Api.Tests.PhonesView;

/// <summary>A language read from a greeting, and an urgent word several languages share after it, as the phone shows them.</summary>
[Collection(nameof(PhoneViewHost))]
public sealed class GuessedLanguagePhoneViewTests(PhoneViewHost host)
{
    /// <summary>
    /// Found by a review: "polisi" (Indonesian and Swahili) after "habari" made the conversation Indonesian: the phone got
    /// Indonesian, and the Swahili STOP word "sitisha" no longer opted out. "पुलिस" (Hindi and Nepali) after "ke cha" made it
    /// Hindi.
    /// </summary>
    [Fact]
    public async Task An_urgent_word_shared_with_other_languages_keeps_the_language_of_the_greeting_and_its_stop_word()
    {
        var swahili = host.NewPhone();
        await swahili.WriteAsync("habari", "polisi", "sitisha", "habari");
        var nepali = host.NewPhone();
        await nepali.WriteAsync("ke cha", "पुलिस");

        GoldenFile.Match("urgent-word-after-a-greeting", $"## sw\n{swahili.View}## ne\n{nepali.View}");
    }
}
