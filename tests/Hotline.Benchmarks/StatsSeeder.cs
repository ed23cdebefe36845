namespace Hotline.Benchmarks;

/// <summary>
/// A hotline's history in bulk, for the statistics benchmark: cases spread over two years, each with its
/// conversation, its CaseQueued event (what the statistics projection follows), a caseworker's first reply
/// for most and a referral to a partner for some. One prepared INSERT per table, reused inside
/// transactions of <see cref="CasesPerTransaction"/> cases; each case commits with its event, as in production.
/// </summary>
internal static class StatsSeeder
{
    private const int CasesPerTransaction = 20_000;
    private const int Partners = 12;

    private static readonly (string Tag, int Weight)[] Languages =
    [
        ("ne", 16), ("hi", 12), ("bn", 12), ("fil", 12), ("id", 10), ("en", 9), ("ur", 8),
        ("ar", 6), ("ml", 5), ("ta", 4), ("si", 3), ("am", 2), ("sw", 1), ("te", 1),
    ];

    private static readonly (string Value, int Weight)[] Channels = [("Sms", 60), ("WhatsApp", 32), ("Chat", 8)];

    private static readonly (string Value, int Weight)[] Reasons =
    [
        ("[]", 20), ("[\"wages_withheld\"]", 18), ("[\"documents_retained\",\"wages_withheld\"]", 14), ("[\"excessive_hours\",\"poor_living_conditions\"]", 12),
        ("[\"documents_retained\",\"debt_to_employer\",\"dependent_on_employer\"]", 8), ("[\"threats_or_violence\",\"not_free_to_leave\"]", 6),
        ("[\"deceived_about_job\"]", 10), ("[\"isolated\",\"wages_withheld\"]", 8), ("[\"immediate_danger\",\"threats_or_violence\"]", 4),
    ];

    private static readonly (string Value, int Weight)[] Outcomes = [("resolved", 40), ("referred", 12), ("no_contact", 30), ("duplicate", 8), ("other", 10)];

    private static readonly (string Status, int Weight)[] ReferralStatuses =
    [
        ("Completed", 50), ("Accepted", 15), ("Declined", 15), ("Sent", 10), ("Proposed", 5), ("Withdrawn", 5),
    ];

    public static (DateTimeOffset First, DateTimeOffset Last) Seed(string connectionString, int count, GuidSpelling guids, Guid authorId, Action<int> progress)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, DefaultTimeout = 120 };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        // Seeding is not under test: no fsync per commit, and room in memory for the index builds.
        SeedCommands.Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA busy_timeout = 120000;");

        var random = new Random(20261127);
        var last = DateTimeOffset.UtcNow.AddHours(-1);
        var first = last.AddDays(-730);
        var spacing = (last - first) / count;
        var partnerIds = SeedPartners(connection, guids, first);

        using var conversation = SeedCommands.Prepare(connection, """
            INSERT INTO Conversations (Id, Channel, AddressHash, AddressCipher, Language, Status, CreatedAt, LastInboundAt)
            VALUES ($id, $channel, $address, 'bench', $language, 'Active', $at, $at)
            """);
        using var kase = SeedCommands.Prepare(connection, """
            INSERT INTO Cases (Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, QueuedAt, OpenedAt, ClosedAt, Outcome)
            VALUES ($id, $conversationId, $status, $priority, $priority * 20, $reasons, $language, $at, $at, $closedAt, $outcome)
            """);
        using var caseEvent = SeedCommands.Prepare(connection, """
            INSERT INTO CaseEvents (CaseId, Type, Data, ActorUserId, OccurredAt) VALUES ($caseId, 'CaseQueued', '{}', NULL, $at)
            """);
        using var reply = SeedCommands.Prepare(connection, """
            INSERT INTO Messages (Id, ConversationId, CaseId, Direction, Channel, BodyCipher, Segments, AuthorUserId, DeliveryStatus, CreatedAt)
            VALUES ($id, $conversationId, $caseId, 'Outbound', $channel, 'bench', 1, $author, 'delivered', $at)
            """);
        using var referral = SeedCommands.Prepare(connection, """
            INSERT INTO Referrals (Id, CaseId, PartnerId, Service, Status, Outcome, CreatedAt, CreatedBy, SentAt, UpdatedAt)
            VALUES ($id, $caseId, $partnerId, 'shelter', $status, $outcome, $at, $author, $sentAt, $at)
            """);

        var written = 0;
        while (written < count)
        {
            using var transaction = connection.BeginTransaction();
            foreach (var command in new[] { conversation, kase, caseEvent, reply, referral })
            {
                command.Transaction = transaction;
            }

            for (var end = Math.Min(count, written + CasesPerTransaction); written < end; written++)
            {
                var at = first + spacing * written;
                var atText = DapperTypeHandlers.ToSqliteText(at);
                var conversationId = guids.Spell(Guid.CreateVersion7(at));
                var caseId = guids.Spell(Guid.CreateVersion7(at));
                var channel = Pick(random, Channels);
                var open = written >= count - 2_000;
                SeedCommands.Run(conversation, ("$id", conversationId), ("$channel", channel), ("$address", $"bench-{written}"), ("$language", Pick(random, Languages)),
                    ("$at", atText));
                SeedCommands.Run(kase, ("$id", caseId), ("$conversationId", conversationId), ("$status", open ? "Queued" : "Closed"),
                    ("$priority", 1 + (int)Math.Min(3, Math.Floor(-Math.Log(random.NextDouble()) * 0.9))), ("$reasons", Pick(random, Reasons)),
                    ("$language", Pick(random, Languages)), ("$at", atText),
                    ("$closedAt", open ? DBNull.Value : DapperTypeHandlers.ToSqliteText(at.AddDays(2))), ("$outcome", open ? DBNull.Value : Pick(random, Outcomes)));
                SeedCommands.Run(caseEvent, ("$caseId", caseId), ("$at", atText));
                if (random.Next(10) < 9)
                {
                    // Minutes to a first reply, long-tailed: most within the hour, some after days.
                    var waited = TimeSpan.FromMinutes(Math.Exp(random.NextDouble() * 8));
                    SeedCommands.Run(reply, ("$id", guids.Spell(Guid.CreateVersion7(at + waited))), ("$conversationId", conversationId), ("$caseId", caseId),
                        ("$channel", channel), ("$author", guids.Spell(authorId)), ("$at", DapperTypeHandlers.ToSqliteText(at + waited)));
                }

                if (random.Next(100) < 8)
                {
                    var status = Pick(random, ReferralStatuses);
                    var sent = status is "Proposed" ? (object)DBNull.Value : DapperTypeHandlers.ToSqliteText(at.AddHours(2 + random.Next(48)));
                    SeedCommands.Run(referral, ("$id", guids.Spell(Guid.CreateVersion7(at.AddHours(1)))), ("$caseId", caseId),
                        ("$partnerId", guids.Spell(partnerIds[random.Next(partnerIds.Count)])), ("$status", status),
                        ("$outcome", status == "Completed" ? "supported" : DBNull.Value), ("$at", DapperTypeHandlers.ToSqliteText(at.AddHours(1))),
                        ("$author", guids.Spell(authorId)), ("$sentAt", sent));
                }
            }

            transaction.Commit();
            progress(written);
        }

        SeedCommands.Execute(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        return (first, last);
    }

    private static List<Guid> SeedPartners(SqliteConnection connection, GuidSpelling guids, DateTimeOffset at)
    {
        using var insert = SeedCommands.Prepare(connection, """
            INSERT INTO Partners (Id, Name, Services, Languages, Regions, Active, CreatedAt, UpdatedAt)
            VALUES ($id, $name, '["shelter","legal_aid"]', '["en","ne"]', '["Doha"]', 1, $at, $at)
            """);
        var ids = Enumerable.Range(0, Partners).Select(_ => Guid.CreateVersion7(at)).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            SeedCommands.Run(insert, ("$id", guids.Spell(ids[i])), ("$name", $"Benchmark partner {i + 1:D2}"), ("$at", DapperTypeHandlers.ToSqliteText(at)));
        }

        return ids;
    }

    private static string Pick(Random random, (string Value, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (value, weight) in weighted)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return weighted[^1].Value;
    }
}
