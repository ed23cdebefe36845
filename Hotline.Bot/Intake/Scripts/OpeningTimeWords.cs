using System.Globalization;

namespace Hotline.Bot.Intake.Scripts;

/// <summary>
/// {opens_at} in the person's language: the weekday and a 24-hour time when the team opens within the week
/// ("Monday 09:00"), the weekday and date after a longer closure ("Monday 4 Jan 09:00"), so that a person
/// never reads a day they could mistake for an earlier one. Names come from the language's culture data;
/// digits stay ASCII, as in every other text of the script.
/// </summary>
public static class OpeningTimeWords
{
    public static string Format(string language, DateTime opensAt, DateTime now)
    {
        var names = Culture(language).DateTimeFormat;
        var time = opensAt.ToString("HH:mm", CultureInfo.InvariantCulture);
        var day = names.GetDayName(opensAt.DayOfWeek);
        return (opensAt.Date - now.Date).TotalDays < 7
            ? $"{day} {time}"
            : $"{day} {opensAt.Day.ToString(CultureInfo.InvariantCulture)} {names.GetAbbreviatedMonthName(opensAt.Month)} {time}";
    }

    /// <summary>Every form {opens_at} can take in a language, at its widest digits, for the length check.</summary>
    public static IEnumerable<string> EveryForm(string language)
    {
        var names = Culture(language).DateTimeFormat;
        foreach (var day in names.DayNames)
        {
            yield return $"{day} 23:59";
            foreach (var month in names.AbbreviatedMonthNames.Where(m => m.Length > 0))
            {
                yield return $"{day} 28 {month} 23:59";
            }
        }
    }

    private static CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            // A script's own language tag that the culture data does not know: English names are better than none.
            return CultureInfo.InvariantCulture;
        }
    }
}
