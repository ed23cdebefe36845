namespace Hotline.Benchmarks;

/// <summary>
/// Fills the case queue in bulk. Enqueuing through CaseQueue costs a transaction and an fsync per case,
/// hours for a million; here one prepared INSERT per table is reused inside transactions of 50,000 rows.
/// </summary>
internal static class QueueSeeder
{
    private const int RowsPerTransaction = 50_000;

    // Intake languages weighted roughly like a Gulf-state hotline's callers: the caseworker's own
    // languages are then a minority of the queue, as they usually are.
    private static readonly (string Tag, int Weight)[] LanguageWeights =
    [
        ("ne", 16), ("hi", 12), ("bn", 12), ("fil", 12), ("id", 10), ("en", 9), ("ur", 8),
        ("ar", 6), ("ml", 5), ("ta", 4), ("si", 3), ("am", 2), ("sw", 1),
    ];

    public static void Seed(string connectionString, int count, GuidSpelling guids, Action<int> progress)
    {
        // Its own unpooled connection: the seeding settings below must not leak into the measured sessions.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        // Seeding is not under test: skip the per-commit fsync and give the index builds room in memory.
        Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");

        var languages = LanguageWeights.SelectMany(l => Enumerable.Repeat(l.Tag, l.Weight)).ToArray();
        var random = new Random(20240601);
        var newest = DateTimeOffset.UtcNow.AddMinutes(-1);
        var spacing = TimeSpan.FromDays(30) / count;
        var oldest = newest - spacing * count;

        using var conversation = connection.CreateCommand();
        conversation.CommandText = """
            INSERT INTO Conversations (Id, Channel, AddressHash, AddressCipher, Language, Status, CreatedAt, LastInboundAt)
            VALUES ($id, 'Sms', $address, $address, $language, 'Active', $createdAt, $queuedAt)
            """;
        using var kase = connection.CreateCommand();
        kase.CommandText = """
            INSERT INTO Cases (Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, QueuedAt, OpenedAt)
            VALUES ($id, $conversationId, 'Queued', $priority, $triageScore, '[]', $language, $queuedAt, $queuedAt)
            """;
        conversation.Prepare();
        kase.Prepare();

        var written = 0;
        while (written < count)
        {
            using var transaction = connection.BeginTransaction();
            conversation.Transaction = transaction;
            kase.Transaction = transaction;
            var batchEnd = Math.Min(count, written + RowsPerTransaction);
            for (; written < batchEnd; written++)
            {
                // Queued in order, with Version 7 ids as EnqueueAsync makes them: the keys grow like production's.
                var queuedAt = oldest + spacing * written;
                var queuedText = DapperTypeHandlers.ToSqliteText(queuedAt);
                var openedAt = queuedAt - TimeSpan.FromMinutes(5);
                var conversationId = guids.Spell(Guid.CreateVersion7(openedAt));
                var language = languages[random.Next(languages.Length)];
                var priority = PickPriority(random);
                var address = $"bench-{written}";

                Bind(conversation, ("$id", conversationId), ("$address", address), ("$language", language),
                    ("$createdAt", DapperTypeHandlers.ToSqliteText(openedAt)), ("$queuedAt", queuedText));
                conversation.ExecuteNonQuery();
                Bind(kase, ("$id", guids.Spell(Guid.CreateVersion7(queuedAt))), ("$conversationId", conversationId),
                    ("$priority", priority), ("$triageScore", priority * 20 + random.Next(20)), ("$language", language),
                    ("$queuedAt", queuedText));
                kase.ExecuteNonQuery();
            }

            transaction.Commit();
            progress(written);
        }

        // The planner chooses indexes from these statistics; the measured sessions start from a folded-in WAL.
        Execute(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }

    // Mostly low and medium, few critical: the spread a triage score produces.
    private static int PickPriority(Random random) => random.Next(100) switch
    {
        < 45 => 1,
        < 75 => 2,
        < 95 => 3,
        _ => 4,
    };

    private static void Bind(SqliteCommand command, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value);
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
