using Dapper;
using Hotline.Api.Tests.Infrastructure;

namespace Hotline.Api.Tests.Accountability;

/// <summary>A test's raw look at the audit table: each row as "actor action subject outcome", in sequence order.</summary>
public static class AuditRows
{
    public static async Task<IReadOnlyList<string>> ReadAsync(HotlineApp app, string? action = null)
    {
        await using var connection = await app.OpenOwnConnectionAsync();
        return [.. await connection.QueryAsync<string>(
            "SELECT CONCAT(Actor, ' ', Action, ' ', COALESCE(Subject, '-'), ' ', Outcome) FROM AuditEntries WHERE @action IS NULL OR Action = @action ORDER BY Sequence",
            new { action })];
    }
}
