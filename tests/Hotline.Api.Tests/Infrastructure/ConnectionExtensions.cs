using System.Data.Common;

namespace Hotline.Api.Tests.Infrastructure;

public static class ConnectionExtensions
{
    /// <summary>Runs a test's own ad-hoc count query; product code keeps its SQL in files.</summary>
    public static async Task<long> ExecuteScalarCountAsync(this DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
