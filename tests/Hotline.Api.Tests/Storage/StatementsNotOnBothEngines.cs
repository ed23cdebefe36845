namespace Hotline.Api.Tests.Storage;

/// <summary>
/// The statements that no test taking both engines runs, each with the reason. <see cref="StatementCoverage"/> fails a
/// run in which every such test ran and a statement they left unrun is not here, or one here was run.
/// </summary>
public static class StatementsNotOnBothEngines
{
    private const string RotatedUnderOldKeys =
        "KeyRotationTests writes its rows under old keys through hosts started one after another on one SQLite file; "
        + "HotlineApp.CreateAsync gives each host a new SQL Server database, so a rewrite under the current key runs on SQLite only "
        + "(Conversations_RotateKeys and every *_ReadForKeyRotation run on both)";

    private const string NeverUnderAnOldKey =
        "no test, on either engine, holds such a row under an old key (KeyRotationTests rewrites none), so no test runs it at all";

    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CaseEvents_RotateAnswerKey"] = RotatedUnderOldKeys,
        ["CaseNotes_RotateKeys"] = RotatedUnderOldKeys,
        ["ChatRoutes_RotateKeys"] = NeverUnderAnOldKey,
        ["DataProtectionKeys_RotateKeys"] = RotatedUnderOldKeys,
        ["MediaItems_RotateKeys"] = NeverUnderAnOldKey,
        ["Messages_RotateKeys"] = RotatedUnderOldKeys,
        ["Referrals_RotateKeys"] = RotatedUnderOldKeys,
        ["Users_RotateKeys"] = NeverUnderAnOldKey,
        ["CaseOutcomeTexts_DeleteByCase"] =
            "CaseOutcomeBackfill moves outcome words that migration 0022 set aside; only a database from before 0022 holds any, and no test builds one",
    };
}
