using Microsoft.Data.Sqlite;

namespace Hotline.Api.Tests.Chaos;

/// <summary>What the chaos run reads back from the hotline's tables, on a read-only connection of its own, after the run.</summary>
public sealed record ChaosTables(
    IReadOnlyDictionary<string, int> InboundBySid,
    IReadOnlyDictionary<string, long> OutboxByStatus,
    IReadOnlyList<string> SentProviderIds,
    IReadOnlySet<Guid> Cases,
    int ClaimedPastLease,
    long CasesInEvents,
    long CountedByChannel,
    long CountedByPriority,
    long StatisticsCheckpoint,
    long LastSequence)
{
    public static ChaosTables Read(string databaseFile, DateTimeOffset now)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var inbound = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sid in Column<string>(connection, "SELECT ChannelMessageId FROM Messages WHERE Direction = 'Inbound'"))
        {
            inbound[sid] = inbound.GetValueOrDefault(sid) + 1;
        }

        var leases = Column<string>(connection, "SELECT LeaseExpiresAt FROM Cases WHERE Status = 'Claimed'");
        return new ChaosTables(
            inbound,
            Rows(connection, "SELECT Status, COUNT(*) FROM Outbox GROUP BY Status").ToDictionary(r => r.Text, r => r.Number),
            Column<string>(connection, "SELECT ProviderMessageId FROM Outbox WHERE Status = 'Sent'"),
            Column<string>(connection, "SELECT Id FROM Cases").Select(Guid.Parse).ToHashSet(),
            leases.Count(l => DateTimeOffset.Parse(l, System.Globalization.CultureInfo.InvariantCulture) <= now),
            Scalar(connection, $"SELECT COUNT(DISTINCT CaseId) FROM CaseEvents WHERE Type = 'CaseQueued'"),
            Scalar(connection, "SELECT COALESCE(SUM(Count), 0) FROM StatisticsCounts WHERE Dimension = 'case.channel'"),
            Scalar(connection, "SELECT COALESCE(SUM(Count), 0) FROM StatisticsCounts WHERE Dimension = 'case.priority'"),
            Scalar(connection, "SELECT COALESCE(MAX(LastSequence), 0) FROM StatisticsCheckpoints"),
            Scalar(connection, "SELECT COALESCE(MAX(Sequence), 0) FROM CaseEvents"));
    }

    /// <summary>Whether the hotline has caught up: the outbox holds nothing waiting and the statistics have counted every case event.</summary>
    public static (long Waiting, bool Counted) Progress(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return (Scalar(connection, "SELECT COUNT(*) FROM Outbox WHERE Status IN ('Pending', 'Sending')"),
            Scalar(connection, "SELECT COALESCE(MAX(LastSequence), 0) FROM StatisticsCheckpoints")
            >= Scalar(connection, "SELECT COALESCE(MAX(Sequence), 0) FROM CaseEvents"));
    }

    public static IReadOnlySet<string> StoredSids(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return Column<string>(connection, "SELECT ChannelMessageId FROM Messages WHERE Direction = 'Inbound'").ToHashSet(StringComparer.Ordinal);
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<T> Column<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    private static List<(string Text, long Number)> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }
}
