namespace Hotline.Api.Tests.PhonesView;

/// <summary>
/// No script text the product silently drops: every reply the default script can emit, in every language, is
/// one that some phone's-view scenario shows arriving on the phone, unless it is listed here as never sent.
/// </summary>
public sealed class ScriptRepliesReachThePhoneTests
{
    /// <summary>Replies the script defines that are deliberately never sent, with the reason. None today.</summary>
    private static readonly Dictionary<string, string> NeverSent = [];

    [Fact]
    public void Every_reply_of_the_script_in_every_language_reaches_a_phone_in_the_phones_view_suite()
    {
        var script = PhoneViewHost.Script;
        var options = new IntakeHostOptions();
        var arrived = GoldenFile.All().SelectMany(golden => golden.Text.Split('\n'))
            .Where(line => line.StartsWith("< ", StringComparison.Ordinal)).Select(line => line[2..]).ToHashSet(StringComparer.Ordinal);

        var missing = (from language in script.Languages
                       from id in script.TextIds
                       where !NeverSent.ContainsKey(id)
                       let text = Phone.OneLine(id == MessageIds.Closed
                           ? OutsideHoursViewHost.ClosedText(language.Tag, options.EmergencyNumber)
                           : Placeholders.Fill(script.Text(language.Tag, id), options.EmergencyNumber, options.ExpectedWaitMinutes))
                       where !arrived.Contains(text)
                       select $"{language.Tag}/{id}: {text}").ToList();
        if (!arrived.Contains(Phone.OneLine(script.LanguageMenu)))
        {
            missing.Add("the language menu");
        }

        Assert.Empty(missing);
    }
}
