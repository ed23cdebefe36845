using System.Data.Common;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>A test's own ad-hoc queries against the raw tables; product code keeps its SQL in files.</summary>
public static class ConnectionExtensions
{
    public static async Task<long> ExecuteScalarCountAsync(this DbConnection connection, string sql) =>
        Convert.ToInt64(await ScalarAsync(connection, sql));

    public static async Task<string?> ExecuteScalarTextAsync(this DbConnection connection, string sql) =>
        (await ScalarAsync(connection, sql))?.ToString();

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
