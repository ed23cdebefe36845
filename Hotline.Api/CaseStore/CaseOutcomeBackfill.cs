namespace Hotline.Api.CaseStore;

/// <summary>
/// Finishes migration 0022: the words a caseworker once typed as a case's outcome, which the migration set aside when it
/// made the outcome a code, become an encrypted note on that case. Runs at every start right after the migrations and
/// before the host serves; the notes and the removal of the clear copies commit together, so an interrupted run
/// leaves nothing half moved and the next start does it again. Usually there is nothing to do.
/// </summary>
public sealed class CaseOutcomeBackfill(Database database, CaseNoteRepository notes, ILogger<CaseOutcomeBackfill> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        List<OutcomeText> texts;
        await using (var reader = await database.OpenAsync(cancellationToken))
        {
            texts = [.. await reader.QueryAsync<OutcomeText>("CaseOutcomeTexts_ReadAll", null, cancellationToken)];
        }

        if (texts.Count == 0)
        {
            return;
        }

        await using var session = await database.BeginWriteAsync(cancellationToken);
        var moved = 0;
        foreach (var text in texts)
        {
            // The migration takes the closer from the case or its closing event; a case closed by nobody has no one to
            // sign the note, and its words are dropped rather than kept in the clear.
            if (text.AuthorUserId is { } author)
            {
                await notes.AddAsync(session, text.CaseId, author, $"Outcome written at closing: {text.Text}", cancellationToken);
                moved++;
            }

            await session.ExecuteAsync("CaseOutcomeTexts_DeleteByCase", new { text.CaseId }, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        logger.LogInformation("Moved {Count} free-text case outcome(s) into encrypted notes.", moved);
    }

    private sealed record OutcomeText
    {
        public Guid CaseId { get; init; }
        public Guid? AuthorUserId { get; init; }
        public string Text { get; init; } = "";
    }
}
