using Microsoft.Data.SqlClient;

namespace Hotline.Api.Storage;

public static class DbErrors
{
    /// <summary>
    /// A unique key refused a row: on SQL Server, two requests raced past the same "does it exist?"
    /// check (SQLite's BEGIN IMMEDIATE serialises them, but the same code runs on both).
    /// </summary>
    public static bool IsUniqueViolation(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };

    /// <summary>
    /// SQL Server chose this transaction as a deadlock's victim (error 1205) and rolled it back: it changed nothing, and run
    /// again it meets the other transaction's work. SQLite's single writer takes no locks that can deadlock.
    /// </summary>
    public static bool IsDeadlockVictim(DbException exception) => exception is SqlException { Number: 1205 };

    /// <summary>
    /// The database refused a write for lack of room or permission (SQLite: full, read-only; SQL Server: no space
    /// in the file group or the log, a read-only database): the write changed nothing, and it can succeed once the
    /// operator has made room, so the caller answers 503 rather than 500.
    /// </summary>
    public static bool CannotWrite(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteFull or SqliteReadOnly,
        SqlException sql => sql.Number is 1105 or 9002 or 3906,
        _ => false,
    };

    private const int SqliteReadOnly = 8;
    private const int SqliteFull = 13;
}

/// <summary>Someone else changed the row since it was read; the caller runs its transaction again.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
