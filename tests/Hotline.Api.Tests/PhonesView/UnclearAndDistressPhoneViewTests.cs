namespace Hotline.Api.Tests.PhonesView;

/// <summary>
/// An answer the intake cannot read is asked again once in simpler words, and a distress word brings the
/// emergency number and a person: as each language's phone shows it.
/// </summary>
[Collection(nameof(PhoneViewHost))]
public sealed class UnclearAndDistressPhoneViewTests(PhoneViewHost host)
{
    [Fact]
    public async Task An_unclear_answer_is_asked_again_once_and_a_distress_word_gets_the_emergency_number_then_a_person()
    {
        var view = await PhoneViewHost.InEveryLanguageAsync(async language =>
        {
            var words = PhoneViewHost.Script.Languages.Single(l => l.Tag == language).Words;
            var phone = await host.NewPhoneInAsync(language);
            await phone.WriteShownAsAsync(words.Unsure[0], "an unsure phrase");
            await phone.WriteAsync("1");
            await phone.WriteShownAsAsync(words.Distress[0], "a distress word");
            await phone.WriteAsync("1");
            return phone;
        });

        GoldenFile.Match("unclear-and-distress", view);
    }
}
