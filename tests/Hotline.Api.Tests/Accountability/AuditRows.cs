namespace Hotline.Api.Tests.Accountability;

/// <summary>A test's raw look at the audit table: each row as "actor action subject outcome", in sequence order.</summary>
public static class AuditRows
{
    public static async Task<IReadOnlyList<string>> ReadAsync(HotlineApp app, string? action = null)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Actor, Action, COALESCE(Subject, '-'), Outcome FROM AuditEntries WHERE $action IS NULL OR Action = $action ORDER BY Sequence";
        command.Parameters.AddWithValue("$action", (object?)action ?? DBNull.Value);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)}");
        }

        return rows;
    }
}
