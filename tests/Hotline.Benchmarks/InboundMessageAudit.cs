namespace Hotline.Benchmarks;

/// <summary>
/// Reads the hotline's database back after a run. Lost: a MessageSid that was answered 200 but has no
/// inbound row (an acknowledgement that was not durable). Duplicated: a MessageSid stored more than once.
/// Rows seeded without a MessageSid (the retention benchmark's) are not the run's and are left out.
/// The outbox's rows by status show how far the dispatcher kept up with the replies the run caused; the media
/// items' (a run with photos) how far the media job kept up with the photos, and why any was not kept. The MessageSids
/// stored in a case say which way each message went (<see cref="WebhookLoadSummary.PrintByPath"/>).
/// </summary>
internal sealed record InboundMessageAudit(int Rows, int Lost, int Duplicated, IReadOnlyDictionary<string, long> OutboxByStatus,
    IReadOnlyDictionary<string, long> MediaByStatus, IReadOnlyDictionary<string, long> MediaNotKeptReasons, IReadOnlySet<string> StoredInACase)
{
    public static InboundMessageAudit Of(string databasePath, IReadOnlySet<string> acceptedSids)
    {
        var stored = new Dictionary<string, int>(StringComparer.Ordinal);
        var outbox = new Dictionary<string, long>(StringComparer.Ordinal);
        var media = new Dictionary<string, long>(StringComparer.Ordinal);
        var notKept = new Dictionary<string, long>(StringComparer.Ordinal);
        var inACase = new HashSet<string>(StringComparer.Ordinal);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            foreach (var (sid, withCase) in Read(connection,
                "SELECT ChannelMessageId, CaseId IS NOT NULL FROM Messages WHERE Direction = 'Inbound' AND ChannelMessageId IS NOT NULL"))
            {
                stored[sid] = stored.GetValueOrDefault(sid) + 1;
                if (withCase == 1)
                {
                    inACase.Add(sid);
                }
            }

            foreach (var (status, count) in Read(connection, "SELECT Status, COUNT(*) FROM Outbox GROUP BY Status"))
            {
                outbox[status] = count;
            }

            foreach (var (status, count) in Read(connection, "SELECT Status, COUNT(*) FROM MediaItems GROUP BY Status"))
            {
                media[status] = count;
            }

            foreach (var (reason, count) in Read(connection, "SELECT Reason, COUNT(*) FROM MediaItems WHERE Status = 'NotKept' GROUP BY Reason"))
            {
                notKept[reason] = count;
            }
        }

        return new InboundMessageAudit(
            stored.Values.Sum(),
            acceptedSids.Count(sid => !stored.ContainsKey(sid)),
            stored.Count(s => s.Value > 1),
            outbox,
            media,
            notKept,
            inACase);
    }

    private static List<(string Text, long Number)> Read(SqliteConnection connection, string sql)
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
