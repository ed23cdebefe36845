using DbUp;
using DbUp.Engine;
using Hotline.Api.Storage.Sqlite;
using Microsoft.Data.SqlClient;

namespace Hotline.Api.Storage;

/// <summary>
/// Applies the numbered, forward-only migrations of the configured dialect at start. Both dialect
/// folders carry the same numbers, so one schema version means the same tables on either engine.
/// </summary>
public sealed class DatabaseMigrator(Database database, ILoggerFactory loggers)
{
    public const string MigrationsRoot = "Hotline.Api.Storage.Migrations.";

    /// <summary>
    /// How long an instance waits while another applies the migrations. The lock statement's own timeout
    /// is longer, so the wait ends with sp_getapplock's answer and one clear line, never with the driver's
    /// 30-second command timeout part way through.
    /// </summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan LockCommandTimeout = LockWait + TimeSpan.FromSeconds(30);

    /// <summary>True once this process has brought the database to the current schema; readiness waits for it.</summary>
    public bool Completed { get; private set; }

    /// <param name="whileLocked">Work that must not run on two instances at once, run after the migrations while the
    /// lock is still held (the session key ring's first key).</param>
    public async Task MigrateAsync(CancellationToken cancellationToken, Func<CancellationToken, Task>? whileLocked = null)
    {
        await MigrateAsync(int.MaxValue, cancellationToken, whileLocked);
        Completed = true;
    }

    /// <summary>
    /// Applies only the migrations numbered up to <paramref name="lastMigration"/>, for tests only: a test builds a database
    /// as an older hotline left it, writes what the code of that time wrote, and lets the next start migrate the rest.
    /// </summary>
    internal Task MigrateUpToAsync(int lastMigration, CancellationToken cancellationToken) => MigrateAsync(lastMigration, cancellationToken, null);

    private async Task MigrateAsync(int lastMigration, CancellationToken cancellationToken, Func<CancellationToken, Task>? whileLocked)
    {
        // On SQLite the lock is a file's, taken before the switch to WAL: a fresh file is switched by one process at a time.
        await using var fileLock = database.Provider == DatabaseProvider.Sqlite
            ? await MigrationFileLock.AcquireAsync(database.ConnectionString, LockWait, loggers.CreateLogger<DatabaseMigrator>(), cancellationToken)
            : null;
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnections.UseWriteAheadLog(database.ConnectionString);
        }

        await using var migrationLock = await AcquireLockAsync(cancellationToken);

        var prefix = $"{MigrationsRoot}{database.Provider}.";
        var builder = database.Provider == DatabaseProvider.Sqlite
            ? DeployChanges.To.SqliteDatabase(database.ConnectionString)
            : DeployChanges.To.SqlDatabase(database.ConnectionString);
        var result = builder
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly,
                name => name.StartsWith(prefix, StringComparison.Ordinal) && NumberOf(name[prefix.Length..]) <= lastMigration)
            .WithTransactionPerScript()
            .LogTo(new DbUpLog(loggers.CreateLogger<DatabaseMigrator>()))
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new DatabaseUnavailableException(Describe(result), result.Error);
        }

        if (whileLocked is not null)
        {
            await whileLocked(cancellationToken);
        }
    }

    /// <summary>A migration's number, the four digits its file name starts with ("0022_CaseOutcomeCodes.sql").</summary>
    private static int NumberOf(string scriptName) => int.Parse(scriptName.AsSpan(0, 4), CultureInfo.InvariantCulture);

    /// <summary>
    /// Holds the migration lock on its own connection; disposing it releases the lock. On SQL Server the lock
    /// belongs to a transaction of that session, which disposing rolls back (it wrote nothing) before the
    /// connection returns to the pool.
    /// </summary>
    private async Task<DbSession> AcquireLockAsync(CancellationToken cancellationToken)
    {
        DbSession session;
        try
        {
            session = database.Provider == DatabaseProvider.Sqlite
                ? await database.OpenAsync(cancellationToken)
                : await database.BeginWriteAsync(cancellationToken);
        }
        catch (SqlException ex)
        {
            throw new DatabaseUnavailableException($"Cannot reach SQL Server ({ex.Message.Split('\n')[0].Trim()})", ex);
        }

        int result;
        try
        {
            result = await session.QuerySingleAsync<int>(
                "Migrations_AcquireLock", new { LockTimeoutMilliseconds = (int)LockWait.TotalMilliseconds }, LockCommandTimeout, cancellationToken);
        }
        catch (SqlException ex)
        {
            await session.DisposeAsync();
            throw new DatabaseUnavailableException($"Cannot take the migration lock ({ex.Message.Split('\n')[0].Trim()})", ex);
        }

        if (result < 0)
        {
            await session.DisposeAsync();
            throw new DatabaseUnavailableException(
                $"Another instance held the migration lock for {LockWait.TotalMinutes:0} minutes (sp_getapplock returned {result}).", null);
        }

        return session;
    }

    private string Describe(DatabaseUpgradeResult result) => result.Error switch
    {
        SqlException sql when result.ErrorScript is null =>
            $"Cannot reach SQL Server ({sql.Message.Split('\n')[0].Trim()})",
        _ when result.ErrorScript is not null =>
            $"Migration {result.ErrorScript.Name[MigrationsRoot.Length..]} failed: {result.Error.Message}",
        _ => $"Cannot prepare the {database.Provider} database: {result.Error.Message}",
    };
}

public sealed class DatabaseUnavailableException(string message, Exception? inner) : Exception(message, inner);
