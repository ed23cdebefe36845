namespace Hotline.Api.Tests.Privacy;

/// <summary>
/// Looks for recognisable values (canaries: a phone number, a name, a sentence) where personal data must never be in the
/// clear: every column of every table of a SQLite file, read as text and as bytes; raw files (the database, its
/// write-ahead log, media files) as a disk image shows them, in UTF-8 and UTF-16; log lines. Each finding names where.
/// </summary>
public static class CanaryScan
{
    /// <summary>One stored value: <c>Table.Column</c>, the value as text, and its bytes (a blob's own, or the text's UTF-8).</summary>
    public sealed record Cell(string Column, string Text, byte[] Bytes);

    /// <summary>Every non-null value of every column of every table, the tables and columns enumerated from the schema itself.</summary>
    public static async Task<IReadOnlyList<Cell>> CellsAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile}");
        await connection.OpenAsync(Ct);
        var cells = new List<Cell>();
        foreach (var table in await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        {
            foreach (var column in await ListAsync(connection, $"SELECT name FROM pragma_table_info('{table.Replace("'", "''")}')"))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                await using var reader = await command.ExecuteReaderAsync(Ct);
                while (await reader.ReadAsync(Ct))
                {
                    var value = reader.GetValue(0);
                    var text = value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                    cells.Add(new Cell($"{table}.{column}", text, value as byte[] ?? Encoding.UTF8.GetBytes(text)));
                }
            }
        }

        return cells;
    }

    /// <summary>Each <c>Table.Column: canary</c> where a value holds a canary, in any letter case, or its UTF-8 or UTF-16 bytes.</summary>
    public static async Task<IReadOnlyList<string>> InTablesAsync(string databaseFile, IReadOnlyList<string> canaries) =>
        InCells(await CellsAsync(databaseFile), canaries);

    public static IReadOnlyList<string> InCells(IEnumerable<Cell> cells, IReadOnlyList<string> canaries) =>
        cells.SelectMany(cell => canaries
                .Where(canary => cell.Text.Contains(canary, StringComparison.OrdinalIgnoreCase) || Contains(cell.Bytes, canary))
                .Select(canary => $"{cell.Column}: {canary}"))
            .Distinct().ToList();

    /// <summary>Each <c>file: canary</c> where a file's raw bytes hold a canary in UTF-8 or UTF-16; files that do not exist are skipped.</summary>
    public static IReadOnlyList<string> InFiles(IEnumerable<string> files, IReadOnlyList<string> canaries) =>
        files.Where(File.Exists).SelectMany(file =>
            {
                // Read as another process would while the host still has the file open (the WAL exists only then).
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var bytes = copy.ToArray();
                return canaries.Where(canary => Contains(bytes, canary)).Select(canary => $"{Path.GetFileName(file)}: {canary}");
            })
            .ToList();

    /// <summary>The lines that hold a canary, in any letter case.</summary>
    public static IReadOnlyList<string> InLines(IEnumerable<string> lines, IReadOnlyList<string> canaries) =>
        lines.Where(line => canaries.Any(canary => line.Contains(canary, StringComparison.OrdinalIgnoreCase))).ToList();

    public static bool Contains(byte[] haystack, string canary) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)) >= 0
        || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(canary)) >= 0;

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var names = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
