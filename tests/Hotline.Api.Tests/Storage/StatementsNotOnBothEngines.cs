namespace Hotline.Api.Tests.Storage;

/// <summary>
/// The statements that no test taking both engines runs, each with the reason. <see cref="StatementCoverage"/> fails a
/// run in which every such test ran and a statement they left unrun is not here, or one here was run.
/// </summary>
public static class StatementsNotOnBothEngines
{
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };
}
