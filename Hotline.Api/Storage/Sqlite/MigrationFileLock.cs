using Hotline.Api.Hosting;

namespace Hotline.Api.Storage.Sqlite;

/// <summary>
/// The migration lock of a SQLite file: an exclusive lock on a file beside it (<c>hotline.db.migrations-lock</c>),
/// so that of several processes starting on one file (a rolling restart overlaps two or three) one applies the
/// migrations while the others wait, then find nothing left to do. The operating system lets the lock go when
/// its holder exits, however it exits: a process killed mid-migration never leaves the others waiting.
/// </summary>
internal sealed class MigrationFileLock : IAsyncDisposable
{
    private readonly FileStream? _held;

    private MigrationFileLock(FileStream? held) => _held = held;

    /// <summary>Waits up to <paramref name="wait"/> for the lock; an in-memory database, which no other process can open, needs none.</summary>
    public static async Task<MigrationFileLock> AcquireAsync(string connectionString, TimeSpan wait, ILogger logger, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is ":memory:" or "" || builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return new MigrationFileLock(null);
        }

        var path = builder.DataSource + ".migrations-lock";
        try
        {
            return new MigrationFileLock(await ExclusiveFile.OpenAsync(path, wait,
                () => logger.LogInformation("Waiting for the migration lock ({Path}): another process is starting on this database file.", path),
                cancellationToken));
        }
        catch (IOException ex)
        {
            throw new DatabaseUnavailableException($"Another process held the migration lock ({path}) for {wait.TotalMinutes:0} minutes.", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_held is not null)
        {
            await _held.DisposeAsync();
        }
    }
}
