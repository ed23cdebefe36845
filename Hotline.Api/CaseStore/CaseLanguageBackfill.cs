namespace Hotline.Api.CaseStore;

/// <summary>
/// Routes the open cases left with no language although their person has chosen one: opened at the language menu before a
/// case learned its language from the choice (<see cref="CaseLanguageLearning"/>), they would stay in the unknown-language
/// pool for good, seen by every caseworker. Runs at every start, after the migrations and before the host serves; each case
/// moves as a choice would move it, with its event. Usually there is nothing to do.
/// </summary>
public sealed class CaseLanguageBackfill(Database database, CaseLanguageLearning learning, ILogger<CaseLanguageBackfill> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        List<UnroutedCase> unrouted;
        await using (var reader = await database.OpenAsync(cancellationToken))
        {
            unrouted = [.. await reader.QueryAsync<UnroutedCase>("Cases_ReadUnroutedWithKnownLanguage",
                new { Unknown = NewCase.UnknownLanguage }, cancellationToken)];
        }

        if (unrouted.Count == 0)
        {
            return;
        }

        await using var session = await database.BeginWriteAsync(cancellationToken);
        foreach (var stuck in unrouted)
        {
            await learning.LearnAsync(session, stuck.CaseId, stuck.Language, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        logger.LogInformation("Routed {Count} open case(s) opened before their person chose a language.", unrouted.Count);
    }

    private sealed record UnroutedCase
    {
        public Guid CaseId { get; init; }
        public string Language { get; init; } = "";
    }
}
