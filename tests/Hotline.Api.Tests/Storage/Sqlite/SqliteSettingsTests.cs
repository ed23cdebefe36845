namespace Hotline.Api.Tests.Storage.Sqlite;

public sealed class SqliteSettingsTests
{
    [Fact]
    public async Task The_database_file_uses_the_write_ahead_log()
    {
        await using var db = await TestDatabase.CreateAsync();

        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
    }

    [Fact]
    public async Task A_reading_session_syncs_any_commit_it_makes_to_disk()
    {
        await using var db = await TestDatabase.CreateAsync();

        Assert.Equal("2", await PragmaAsync(db, "synchronous"));
    }

    [Fact]
    public async Task The_single_writer_commits_without_waiting_for_the_disk()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var writer = await db.Database.BeginWriteAsync(Ct);

        Assert.Equal(1L, await writer.Connection.ExecuteScalarCountAsync("PRAGMA synchronous"));
    }

    [Fact]
    public async Task The_single_writer_keeps_its_savepoint_journal_in_memory()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var writer = await db.Database.BeginWriteAsync(Ct);

        Assert.Equal(2L, await writer.Connection.ExecuteScalarCountAsync("PRAGMA temp_store"));
    }

    [Fact]
    public async Task The_single_writer_copies_the_log_into_the_file_itself_only_as_a_backstop()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var writer = await db.Database.BeginWriteAsync(Ct);

        Assert.Equal(SqliteConnections.WriterBackstopCheckpointFrames, await writer.Connection.ExecuteScalarCountAsync("PRAGMA wal_autocheckpoint"));
    }

    [Fact]
    public async Task Every_session_waits_for_a_busy_writer_instead_of_failing()
    {
        await using var db = await TestDatabase.CreateAsync();

        Assert.Equal("10000", await PragmaAsync(db, "busy_timeout"));
    }

    [Fact]
    public async Task Foreign_keys_are_enforced()
    {
        await using var db = await TestDatabase.CreateAsync();

        Assert.Equal("1", await PragmaAsync(db, "foreign_keys"));
    }

    [Fact]
    public async Task A_write_session_holds_the_write_lock_from_its_start()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var writer = await db.Database.BeginWriteAsync(Ct);

        await using var other = new SqliteConnection($"Data Source={db.SqliteFile};Pooling=False;Default Timeout=1");
        await other.OpenAsync(Ct);
        await using var command = other.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE;";
        var busy = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(Ct));

        Assert.Equal(5, busy.SqliteErrorCode);
    }

    [Fact]
    public async Task A_relative_database_path_lands_under_the_content_root()
    {
        await using var db = await TestDatabase.CreateAsync();

        Assert.True(File.Exists(db.SqliteFile));
    }

    private static async Task<string> PragmaAsync(TestDatabase db, string name)
    {
        await using var session = await db.Database.OpenAsync(Ct);
        await using var command = session.Connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
