using Hotline.Console.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Hotline.Console.Tests;

public sealed class DebugTests
{
    [Fact]
    public async Task Debug_sms()
    {
        await using var host = await ConsoleHost.StartAsync();
        var p = host.NextPhone(); await host.PostSmsAsync(p, "hello"); await host.PostSmsAsync(p, "0"); var q = host.NextPhone(); await host.PostSmsAsync(q, "مرحبا، صاحب العمل أخذ جواز سفري"); await host.PostSmsAsync(q, "0");
        await using var connection = new SqliteConnection($"Data Source={host.DatabaseFile}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Status, Language, Priority, TriageReasons FROM Cases";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) rows.Add($"{reader[0]} {reader[1]} {reader[2]} {reader[3]} {reader[4]}");
        Assert.Fail(string.Join("; ", rows) + " | msgs " );
    }
}
