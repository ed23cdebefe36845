using System.Data.Common;
using Microsoft.Data.Sqlite;
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
}

/// <summary>Someone else changed the row since it was read; the caller runs its transaction again.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
