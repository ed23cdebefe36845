using System.Data.Common;
using System.Text.RegularExpressions;

namespace Hotline.Api.Tests.Storage.Sqlite;

/// <summary>
/// How SQLite plans one of the product's statements on the migrated schema: the steps of <c>EXPLAIN QUERY PLAN</c>, every
/// parameter bound to null. SQLite keeps no statistics here, so the plan does not depend on the values.
/// </summary>
internal static partial class SqlitePlan
{
    public static async Task<List<string>> OfAsync(DbConnection connection, string statementName)
    {
        var statement = SqlStatements.For(DatabaseProvider.Sqlite)[statementName];
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        foreach (var parameter in Parameter().Matches(statement).Select(m => m.Value).Distinct())
        {
            command.Parameters.Add(new SqliteParameter(parameter, DBNull.Value));
        }

        var steps = new List<string>();
        await using var rows = await command.ExecuteReaderAsync(Ct);
        while (await rows.ReadAsync(Ct))
        {
            steps.Add(rows.GetString(3));
        }

        return steps;
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();
}
