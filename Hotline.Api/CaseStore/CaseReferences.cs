using System.Text.RegularExpressions;

namespace Hotline.Api.CaseStore;

/// <summary>
/// A case's short reference: the last eight characters of its id, which the console shows ("Case 20777861",
/// <c>caseReference</c> in format.js) so that a caseworker can say which case she means. This reads one back to the cases
/// it names: usually one, but two ids may end alike.
/// </summary>
public static partial class CaseReferences
{
    /// <summary>The reference of <paramref name="caseId"/> as the console shows it ("20777861" as "Case 20777861").</summary>
    public static string Of(Guid caseId) => caseId.ToString()[^8..].ToUpperInvariant();

    /// <summary>The reference in <paramref name="text"/> ("20777861", "Case 20777861", in any case of letters), or null when it is not one.</summary>
    public static string? Parse(string text) =>
        Reference().Match(text.Trim()) is { Success: true } match ? match.Groups["reference"].Value.ToLowerInvariant() : null;

    /// <summary>
    /// The ids of the cases whose reference is <paramref name="reference"/>. No index serves the end of an id: this reads
    /// every case's id, which only an admin's search by reference asks for.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> FindAsync(DbSession session, string reference, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Guid>("Cases_ReadIdsByReference", new { Reference = reference }, cancellationToken)).ToList();

    [GeneratedRegex("^(?:case\\s+)?(?<reference>[0-9a-f]{8})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
