using Microsoft.Data.SqlClient;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>
/// The migration lock on SQL Server. The statement is checked here without a server; the behaviour needs
/// HOTLINE_TEST_SQLSERVER and is skipped without it.
/// </summary>
public sealed class SqlServerMigrationLockTests
{
    [Fact]
    public void The_SqlServer_migration_lock_is_owned_by_a_transaction_not_by_the_pooled_session()
    {
        var statement = SqlServerScripts.ParseValid("Migrations_AcquireLock", SqlStatements.For(DatabaseProvider.SqlServer)["Migrations_AcquireLock"]);
        var owner = new LockOwner();
        statement.Accept(owner);

        Assert.Equal(["Transaction"], owner.Values);
    }

    [Fact]
    public async Task After_migrating_the_lock_is_free_although_the_connection_went_back_to_the_pool()
    {
        var (connectionString, drop) = await TestDatabase.CreateEmptySqlServerDatabaseAsync();
        try
        {
            await MigrateAsync(connectionString);

            // A connection outside the pool: the migrator's pooled connection is still open on the server.
            await using var other = new SqlConnection(new SqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await other.OpenAsync(TestContext.Current.CancellationToken);
            await using var test = new SqlCommand(
                "SELECT APPLOCK_TEST(N'public', N'Hotline.Migrations', N'Exclusive', N'Session');", other);

            Assert.Equal(1, (int)(await test.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }
        finally
        {
            await drop();
        }
    }

    [Fact]
    public async Task Three_migrators_starting_at_once_on_an_empty_database_apply_each_migration_once()
    {
        var (connectionString, drop) = await TestDatabase.CreateEmptySqlServerDatabaseAsync();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => MigrateAsync(connectionString))));

            await using var connection = new SqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var applied = new SqlCommand("SELECT COUNT(*) FROM dbo.SchemaVersions;", connection);
            Assert.Equal(SqlServerScripts.Migrations(DatabaseProvider.SqlServer).Count, (int)(await applied.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }
        finally
        {
            await drop();
        }
    }

    private static Task MigrateAsync(string connectionString) =>
        new DatabaseMigrator(TestDatabase.Unmigrated(DatabaseProvider.SqlServer, connectionString, Path.GetTempPath()), NullLoggerFactory.Instance)
            .MigrateAsync(TestContext.Current.CancellationToken);

    private sealed class LockOwner : TSqlFragmentVisitor
    {
        public List<string> Values { get; } = [];

        public override void Visit(ExecuteParameter node)
        {
            if (string.Equals(node.Variable?.Name, "@LockOwner", StringComparison.OrdinalIgnoreCase) && node.ParameterValue is StringLiteral value)
            {
                Values.Add(value.Value);
            }
        }
    }
}
