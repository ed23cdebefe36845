using System.Data;
using System.Text.Json.Nodes;
using Hotline.Api.Media;

namespace Hotline.Api.Privacy;

/// <summary>
/// <c>keys rotate</c>: seals every stored value that is under an older key, or in the unbound <c>hl1</c> form, again
/// under the current key and bound to its row. Table by table, in id order, a batch is read on a reader's session and
/// decrypted and sealed outside any transaction; then one short write transaction sets each row with a compare-and-set
/// on the values read, so the single writer is held only for the updates, and a row the hotline changed meanwhile keeps
/// the hotline's values. Interrupted, it leaves only finished batches behind; run again, it finds only what is left.
/// </summary>
public sealed class KeyRotation(Database database, FieldProtector protector, AuditTrail audit, MediaStore media, ILogger<KeyRotation> logger)
{
    public const int DefaultBatchSize = 500;

    /// <summary>The media store's files (photos and their shown copies), counted in the report as one column.</summary>
    private static readonly ProtectedColumn MediaFiles = new("MediaStore", "File", "");

    /// <summary>Every table with encrypted columns, each with its two statements. A new encrypted column joins its table's entry.</summary>
    private static readonly RotatedTable[] Tables =
    [
        new("Conversations", "Conversations_ReadForKeyRotation", "Conversations_RotateKeys",
            [ProtectedColumns.ConversationAddress, ProtectedColumns.ConversationEngineState]),
        new("Messages", "Messages_ReadForKeyRotation", "Messages_RotateKeys", [ProtectedColumns.MessageBody, ProtectedColumns.MessageMedia]),
        new("MediaItems", "MediaItems_ReadForKeyRotation", "MediaItems_RotateKeys", [ProtectedColumns.MediaItemSource, ProtectedColumns.MediaItemEvidence]),
        new("CaseNotes", "CaseNotes_ReadForKeyRotation", "CaseNotes_RotateKeys", [ProtectedColumns.CaseNoteBody]),
        new("ChatRoutes", "ChatRoutes_ReadForKeyRotation", "ChatRoutes_RotateKeys",
        [
            ProtectedColumns.ChatRouteBotConversationId, ProtectedColumns.ChatRouteUserId, ProtectedColumns.ChatRouteUserName,
            ProtectedColumns.ChatRouteReplyToId,
        ]),
        new("Referrals", "Referrals_ReadForKeyRotation", "Referrals_RotateKeys", 
            [ProtectedColumns.ReferralSummary, ProtectedColumns.ReferralOutcomeNote, ProtectedColumns.ReferralRegion]),
        new("Users", "Users_ReadForKeyRotation", "Users_RotateKeys", [ProtectedColumns.UserTotpSecret]),
        new("DataProtectionKeys", "DataProtectionKeys_ReadForKeyRotation", "DataProtectionKeys_RotateKeys", [ProtectedColumns.DataProtectionKeyXml]),
    ];

    /// <summary>Runs to the end and writes one audit row (counts only); an interrupted run writes its row too, as failed.</summary>
    public async Task<KeyRotationReport> RotateAsync(int batchSize, Func<RotationBatch, Task> onBatch, CancellationToken cancellationToken)
    {
        var tally = new RotationTally([.. Tables.SelectMany(t => t.Columns), ProtectedColumns.CaseEventAnswerText, MediaFiles]);
        try
        {
            foreach (var table in Tables)
            {
                await RotateTableAsync(table, batchSize, tally, onBatch, cancellationToken);
            }

            await RotateAnswersAsync(batchSize, tally, onBatch, cancellationToken);
            await RotateMediaFilesAsync(batchSize, tally, onBatch, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await RecordAsync(tally.Report(protector.CurrentKeyId), AuditOutcomes.Failed, CancellationToken.None);
            throw;
        }

        var report = tally.Report(protector.CurrentKeyId);
        await RecordAsync(report, report.Unreadable == 0 ? AuditOutcomes.Succeeded : AuditOutcomes.Failed, cancellationToken);
        return report;
    }

    private Task RecordAsync(KeyRotationReport report, string outcome, CancellationToken cancellationToken) =>
        audit.RecordAsync(AuditEntry.ByActor(AuditActors.Operator, AuditActions.KeysRotated, report.Totals, outcome), cancellationToken);

    private async Task RotateTableAsync(RotatedTable table, int batchSize, RotationTally tally, Func<RotationBatch, Task> onBatch,
        CancellationToken cancellationToken)
    {
        var after = Guid.Empty;
        while (true)
        {
            List<IDictionary<string, object>> rows;
            await using (var session = await database.OpenAsync(cancellationToken))
            {
                var read = await session.QueryAsync<dynamic>(table.ReadStatement, new
                {
                    AfterId = after, Take = batchSize, CurrentKeyPrefix = protector.CurrentPrefix, KeyPrefixLength = protector.CurrentPrefix.Length,
                }, cancellationToken);
                rows = [.. read.Cast<IDictionary<string, object>>()];
            }

            if (rows.Count == 0)
            {
                return;
            }

            var rewrites = rows.Select(row => Rewrite(table, row, tally)).OfType<RowRewrite>().ToList();
            await WriteAsync(table.RotateStatement, rewrites, tally, cancellationToken);
            after = IdOf(rows[^1]["Id"]);
            await onBatch(new RotationBatch(table.Name, rows.Count, tally.RewrittenIn(table.Name)));
        }
    }

    private RowRewrite? Rewrite(RotatedTable table, IDictionary<string, object> row, RotationTally tally)
    {
        var id = IdOf(row["Id"]);
        var arguments = new DynamicParameters(new { Id = id });
        var rotated = new List<ProtectedColumn>();
        foreach (var column in table.Columns)
        {
            var old = row[column.StoredColumn] as string;
            var value = old;
            // An empty value is content the retention or an erasure removed: nothing is sealed there to rotate.
            if (!string.IsNullOrEmpty(old) && protector.NeedsRotation(old))
            {
                // The protector has logged which cell; the row is left as it is and counted.
                if (Reprotect(old, column.At(id)) is not { } sealedAgain)
                {
                    tally.Unreadable(column);
                    return null;
                }

                value = sealedAgain;
                rotated.Add(column);
            }

            arguments.Add("Old" + column.StoredColumn, old, DbType.String);
            arguments.Add(column.StoredColumn, value, DbType.String);
        }

        return rotated.Count == 0 ? null : new RowRewrite(arguments, rotated);
    }

    private async Task RotateAnswersAsync(int batchSize, RotationTally tally, Func<RotationBatch, Task> onBatch, CancellationToken cancellationToken)
    {
        var column = ProtectedColumns.CaseEventAnswerText;
        var after = 0L;
        while (true)
        {
            List<CaseEvent> answers;
            await using (var session = await database.OpenAsync(cancellationToken))
            {
                answers = [.. await session.QueryAsync<CaseEvent>("CaseEvents_ReadAnswersForKeyRotation", new { After = after, Take = batchSize }, cancellationToken)];
            }

            if (answers.Count == 0)
            {
                return;
            }

            var rewrites = new List<RowRewrite>();
            foreach (var answer in answers)
            {
                var data = JsonNode.Parse(answer.Data)!.AsObject();
                if (data["TextCipher"]?.GetValue<string>() is not { } old || !protector.NeedsRotation(old))
                {
                    continue;
                }

                if (Reprotect(old, ProtectedColumns.AnswerTextOf(answer.CaseId, data["StepId"]?.GetValue<string>() ?? "")) is not { } sealedAgain)
                {
                    tally.Unreadable(column);
                    continue;
                }

                data["TextCipher"] = sealedAgain;
                rewrites.Add(new RowRewrite(new DynamicParameters(new { answer.Sequence, Data = data.ToJsonString(), OldData = answer.Data }), [column]));
            }

            await WriteAsync("CaseEvents_RotateAnswerKey", rewrites, tally, cancellationToken);
            after = answers[^1].Sequence;
            await onBatch(new RotationBatch(column.Table, answers.Count, tally.RewrittenIn(column.Table)));
        }
    }

    /// <summary>
    /// Each media file under an older key is sealed again, one file at a time, each replaced whole (<see cref="MediaStore.RotateAsync"/>);
    /// a file erased meanwhile counts as changed meanwhile, one that does not decrypt as unreadable, and is left as it is.
    /// </summary>
    private async Task RotateMediaFilesAsync(int batchSize, RotationTally tally, Func<RotationBatch, Task> onBatch, CancellationToken cancellationToken)
    {
        var inBatch = 0;
        foreach (var (conversationId, mediaId, copy) in media.ListFiles())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var rotation = await media.RotateAsync(conversationId, mediaId, copy, cancellationToken);
                if (rotation == MediaRotation.Rewritten)
                {
                    tally.Rewritten(MediaFiles);
                }
                else if (rotation == MediaRotation.Gone)
                {
                    tally.ChangedMeanwhile(MediaFiles);
                }
            }
            catch (CryptographicException)
            {
                tally.Unreadable(MediaFiles);
                logger.LogWarning("The {Copy} copy of media item {MediaId} does not decrypt with the key it names; it is left as it is.", copy, mediaId);
            }

            if (++inBatch == batchSize)
            {
                await onBatch(new RotationBatch(MediaFiles.Table, inBatch, tally.RewrittenIn(MediaFiles.Table)));
                inBatch = 0;
            }
        }

        if (inBatch > 0)
        {
            await onBatch(new RotationBatch(MediaFiles.Table, inBatch, tally.RewrittenIn(MediaFiles.Table)));
        }
    }

    /// <summary>One short transaction for the batch; counted once it has committed.</summary>
    private async Task WriteAsync(string statement, List<RowRewrite> rewrites, RotationTally tally, CancellationToken cancellationToken)
    {
        if (rewrites.Count == 0)
        {
            return;
        }

        var applied = await database.WriteAsync(async (session, token) =>
        {
            var results = new List<bool>(rewrites.Count);
            foreach (var rewrite in rewrites)
            {
                results.Add(await session.ExecuteAsync(statement, rewrite.Arguments, token) == 1);
            }

            return results;
        }, cancellationToken);
        foreach (var (rewrite, done) in rewrites.Zip(applied))
        {
            foreach (var column in rewrite.Columns)
            {
                (done ? (Action<ProtectedColumn>)tally.Rewritten : tally.ChangedMeanwhile)(column);
            }
        }
    }

    private string? Reprotect(string stored, ProtectedCell cell)
    {
        try
        {
            return protector.Reprotect(stored, cell);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>SQLite gives a Guid column back as its text; SQL Server as a Guid.</summary>
    private static Guid IdOf(object value) => value as Guid? ?? Guid.Parse((string)value);

    private sealed record RotatedTable(string Name, string ReadStatement, string RotateStatement, ProtectedColumn[] Columns);

    private sealed record RowRewrite(DynamicParameters Arguments, IReadOnlyList<ProtectedColumn> Columns);
}
