namespace Hotline.Bot.Intake.Scripts;

/// <summary>
/// The values an engine fills into prompts. A script is checked against the widest value each may take, so a
/// prompt that fits two SMS segments at load still fits with any valid engine option.
/// </summary>
public static partial class Placeholders
{
    public const string EmergencyNumber = "{emergency_number}";
    public const string WaitMinutes = "{wait_minutes}";

    /// <summary>When the language team next reads messages, in the person's words: <see cref="OpeningTimeWords"/>.</summary>
    public const string OpensAt = "{opens_at}";

    /// <summary>"+" and 15 digits: the longest E.164 number.</summary>
    public const int EmergencyNumberMaxLength = 16;

    public const int WaitMinutesMax = 9999;

    public static IReadOnlyList<string> Known { get; } = [EmergencyNumber, WaitMinutes, OpensAt];

    /// <summary>Every {word} in a text, known or not, sorted and without repeats.</summary>
    public static IReadOnlyList<string> Find(string text) =>
        Pattern().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public static string Fill(string text, string emergencyNumber, int waitMinutes, string opensAt = OpensAt) =>
        text.Replace(EmergencyNumber, emergencyNumber, StringComparison.Ordinal)
            .Replace(WaitMinutes, waitMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(OpensAt, opensAt, StringComparison.Ordinal);

    /// <summary>
    /// The text with every placeholder at its widest in <paramref name="language"/>: the number and the wait in
    /// digits only, so the SMS encoding cannot change; the opening time in each form its words can take.
    /// </summary>
    public static IEnumerable<string> FillWidest(string text, string language)
    {
        var number = "+" + new string('9', EmergencyNumberMaxLength - 1);
        return text.Contains(OpensAt, StringComparison.Ordinal)
            ? OpeningTimeWords.EveryForm(language).Select(opensAt => Fill(text, number, WaitMinutesMax, opensAt))
            : [Fill(text, number, WaitMinutesMax)];
    }

    [GeneratedRegex(@"\{[^{}\s]*\}")]
    private static partial Regex Pattern();
}
