namespace Hotline.Api.Hosting;

/// <summary><c>keys rotate</c> on the operator's command line: progress per batch, then the counts per column.</summary>
public static class KeyCommands
{
    public static async Task<int> RotateAsync(IServiceProvider services, int batchSize, TextWriter output, CancellationToken cancellationToken)
    {
        var rotation = services.GetRequiredService<KeyRotation>();
        await output.WriteLineAsync($"Sealing every protected value under key '{services.GetRequiredService<FieldProtector>().CurrentKeyId}', "
            + $"{batchSize} rows a batch. Safe to stop and run again.");
        var report = await rotation.RotateAsync(batchSize,
            batch => output.WriteLineAsync($"  {batch.Table}: {batch.RowsRead} rows read, {batch.RewrittenInTable} rewritten in this table so far"),
            cancellationToken);
        foreach (var column in report.Columns)
        {
            await output.WriteLineAsync($"{column.Column}: {column.Rewritten} rewritten, {column.ChangedMeanwhile} changed meanwhile, {column.Unreadable} unreadable");
        }

        await output.WriteLineAsync($"Done: {report.Totals}.");
        if (report.Unreadable > 0)
        {
            await output.WriteLineAsync("Some values do not decrypt (the log names each table, column and row): keep the old keys listed until they are resolved.");
            return 1;
        }

        return 0;
    }
}
