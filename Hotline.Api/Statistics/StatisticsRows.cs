using Hotline.Api.Partners;

namespace Hotline.Api.Statistics;

/// <summary>
/// The rows of the two tables whose values are not a fixed list of codes: languages and partners. Each is a fixed set,
/// the same whatever range of months is asked for: a row only a later month brought in would be a zero in the earlier
/// months, shown as "&lt;5" where their total is hidden, and such a zero gives a "&lt;5" beside it room to move. A month's
/// marks would then depend on the range: January alone withheld, January to February published, and the two together
/// pin January's counts (<see cref="ConsistentSuppression"/>). Rows of zeros are kept: a zero is published anyway, and
/// leaving a row out where it is zero says so as plainly.
/// </summary>
public static class StatisticsRows
{
    private const string PartnerNoLongerListed = "Partner no longer listed";

    /// <summary>Every language the intake speaks and any other value ever counted, by code, then "not yet known" last.</summary>
    public static IReadOnlyList<(string Code, string Label)> Languages(IEnumerable<string> intakeLanguages, IEnumerable<string> counted) =>
        intakeLanguages.Append(NewCase.UnknownLanguage).Union(counted, StringComparer.Ordinal)
            .OrderBy(code => code == NewCase.UnknownLanguage).ThenBy(code => code, StringComparer.Ordinal)
            .Select(code => (code, StatisticsLabels.Language(code)))
            .ToList();

    /// <summary>
    /// Every partner in the directory, active or not, and any partner ever counted that is no longer listed; by name, then
    /// id. Suppression breaks ties between equal counts by row order, so the order is one whatever the range (partners no
    /// longer listed share a name).
    /// </summary>
    public static IReadOnlyList<(string Code, string Label)> Partners(IReadOnlyList<Partner> directory, IEnumerable<string> counted)
    {
        var names = directory.ToDictionary(p => p.Id.ToString("D"), p => p.Name, StringComparer.OrdinalIgnoreCase);
        return names.Keys.Union(counted, StringComparer.OrdinalIgnoreCase)
            .Select(id => (id, names.GetValueOrDefault(id, PartnerNoLongerListed)))
            .OrderBy(p => p.Item2, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Item1, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
