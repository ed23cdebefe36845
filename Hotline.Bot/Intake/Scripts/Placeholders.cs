using System.Text.RegularExpressions;

namespace Hotline.Bot.Intake.Scripts;

/// <summary>
/// The values an engine fills into prompts. A script is checked against the widest value each may take, so a
/// prompt that fits two SMS segments at load still fits with any valid engine option.
/// </summary>
public static partial class Placeholders
{
    public const string EmergencyNumber = "{emergency_number}";
    public const string WaitMinutes = "{wait_minutes}";

    /// <summary>"+" and 15 digits: the longest E.164 number.</summary>
    public const int EmergencyNumberMaxLength = 16;

    public const int WaitMinutesMax = 9999;

    public static IReadOnlyList<string> Known { get; } = [EmergencyNumber, WaitMinutes];

    /// <summary>Every {word} in a text, known or not, sorted and without repeats.</summary>
    public static IReadOnlyList<string> Find(string text) =>
        Pattern().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public static string Fill(string text, string emergencyNumber, int waitMinutes) =>
        text.Replace(EmergencyNumber, emergencyNumber, StringComparison.Ordinal)
            .Replace(WaitMinutes, waitMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The text with every placeholder at its widest: digits only, so the SMS encoding cannot change.</summary>
    public static string FillWidest(string text) =>
        Fill(text, "+" + new string('9', EmergencyNumberMaxLength - 1), WaitMinutesMax);

    [GeneratedRegex(@"\{[^{}\s]*\}")]
    private static partial Regex Pattern();
}
