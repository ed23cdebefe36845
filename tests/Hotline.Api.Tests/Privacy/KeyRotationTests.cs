namespace Hotline.Api.Tests.Privacy;

/// <summary>
/// <c>keys rotate</c> over a database written by the hotline's own write paths under two older keys (k1: a queued case with
/// a text, a note and a referral summary; k2: a whole intake through the Twilio webhook), with the note in the unbound form
/// of before rows were bound; the current key is k3. The hosts run one after another on one database
/// (<see cref="HostDatabase"/>), on either engine.
/// </summary>
public sealed class KeyRotationTests
{
    private const string Worker = "+9779800000931";
    private const string FirstText = "my boss took my passport";
    private const string Note = "Seen at the embassy on Tuesday";
    private const string Place = "Jebel Ali labour camp, block C";
    private static readonly string[] WholeIntake = ["hello", "1", "2", "1", "1", "2", "1", "2", "2", "1", "1", "2", "2", Place];

    private readonly NamedKeys _keys = new("k1", "k2", "k3");

    [Theory, DatabaseData]
    public async Task Rotation_seals_every_value_under_the_current_key_whichever_key_or_form_it_was_in(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        await WriteUnderTwoOldKeysAndTheUnboundFormAsync(database);
        Assert.Equal(["hl1:k1 1", "hl2:k1 4", "hl2:k2 31"], await StoredFormsAsync(database));

        await using var rotating = await HotlineApp.StartPartsAsync(database, _keys.Settings("k3", "k1", "k2", "k3"));
        var (exit, lines) = await RotateAsync(rotating, "--batch-size", "2");

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "Conversations.Address: 2 rewritten, 0 changed meanwhile, 0 unreadable",
                "Conversations.EngineState: 1 rewritten, 0 changed meanwhile, 0 unreadable",
                "Messages.Body: 29 rewritten, 0 changed meanwhile, 0 unreadable",
                "Messages.Media: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "MediaItems.Source: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "MediaItems.Evidence: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "CaseNotes.Body: 1 rewritten, 0 changed meanwhile, 0 unreadable",
                "ChatRoutes.BotConversationId: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "ChatRoutes.UserId: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "ChatRoutes.UserName: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "ChatRoutes.ReplyToId: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "Referrals.Summary: 1 rewritten, 0 changed meanwhile, 0 unreadable",
                "Referrals.OutcomeNote: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "Referrals.Region: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "Users.TotpSecret: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "DataProtectionKeys.Xml: 1 rewritten, 0 changed meanwhile, 0 unreadable",
                "CaseEvents.AnswerText: 1 rewritten, 0 changed meanwhile, 0 unreadable",
                "MediaStore.File: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "Done: rewritten 36; changed meanwhile 0; unreadable 0.",
            ],
            lines.Where(line => !line.StartsWith(' ') && !line.StartsWith("Sealing", StringComparison.Ordinal)));
        Assert.Equal(["hl2:k3 36"], await StoredFormsAsync(database));
    }

    [Theory, DatabaseData]
    public async Task After_rotation_every_value_reads_with_the_old_keys_removed_from_the_configuration(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        await WriteUnderTwoOldKeysAndTheUnboundFormAsync(database);
        await using (var rotating = await HotlineApp.StartPartsAsync(database, _keys.Settings("k3", "k1", "k2", "k3")))
        {
            Assert.Equal(0, (await RotateAsync(rotating)).Exit);
        }

        await using var after = await HotlineApp.StartPartsAsync(database, _keys.Settings("k3", "k3"));
        var supervisor = await after.AddUserAsync(UserRole.Supervisor, "en");
        await using var session = await after.Database.OpenAsync(Ct);
        var details = new List<CaseDetail>();
        foreach (var caseId in await session.Connection.QueryAsync<Guid>("SELECT Id FROM Cases ORDER BY OpenedAt"))
        {
            details.Add((await after.Get<CaseReadModel>().ReadDetailAsync(session, caseId, supervisor, Ct))!);
        }

        var referrals = after.Get<ReferralRepository>();
        var summary = (await referrals.ReadByCaseAsync(session, details[0].Case.Id, Ct)).Select(r => referrals.ToView(r, "shelter").Consent!.Summary);
        var addresses = new List<string>();
        foreach (var conversationId in await session.Connection.QueryAsync<Guid>("SELECT Id FROM Conversations ORDER BY CreatedAt"))
        {
            addresses.Add((await after.Get<ConversationRepository>().FindByIdAsync(session, conversationId, Ct))!.Address.Value);
        }

        Assert.Equal((FirstText, Note), (details[0].Transcript[0].Body, details[0].Notes.Single().Body));
        Assert.Equal(["Needs a safe place tonight; documents held by the employer."], summary);
        Assert.Equal([Place], details[1].Answers.Where(a => a.Text is not null).Select(a => a.Text));
        Assert.Equal(Place, details[1].Transcript.Last(m => m.Direction == "Inbound").Body);
        Assert.Equal(Worker, addresses[1]);
    }

    [Theory, DatabaseData]
    public async Task A_run_stopped_after_its_first_batch_keeps_that_batch_and_a_second_run_does_the_rest(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        await WriteUnderTwoOldKeysAndTheUnboundFormAsync(database);
        await using var rotating = await HotlineApp.StartPartsAsync(database, _keys.Settings("k3", "k1", "k2", "k3"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rotating.Get<KeyRotation>().RotateAsync(1, _ =>
        {
            stop.Cancel();
            return Task.CompletedTask;
        }, stop.Token));

        Assert.Equal(["hl1:k1 1", "hl2:k1 3", "hl2:k2 31", "hl2:k3 1"], await StoredFormsAsync(database));
        var second = await rotating.Get<KeyRotation>().RotateAsync(1, _ => Task.CompletedTask, Ct);
        Assert.Equal((35, 0, 0), (second.Rewritten, second.ChangedMeanwhile, second.Unreadable));
        Assert.Equal(["hl2:k3 36"], await StoredFormsAsync(database));
        Assert.Equal(
            ["failed: rewritten 1; changed meanwhile 0; unreadable 0", "succeeded: rewritten 35; changed meanwhile 0; unreadable 0"],
            await QueryAsync(database, "SELECT CONCAT(Outcome, ': ', Subject) FROM AuditEntries WHERE Action = 'keys.rotated' ORDER BY Sequence"));
    }

    [Theory, DatabaseData]
    public async Task Keys_rotate_with_nothing_under_an_old_key_reports_zeros_and_audits_the_run(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await hotline.QueueCaseAsync("ne", PriorityBand.High, "documents_retained");

        var (exit, lines) = await RotateAsync(hotline);

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "Sealing every protected value under key 'test1', 500 rows a batch. Safe to stop and run again.",
                "Conversations.Address: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "Conversations.EngineState: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "Messages.Body: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "Messages.Media: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "MediaItems.Source: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "MediaItems.Evidence: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "CaseNotes.Body: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "ChatRoutes.BotConversationId: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "ChatRoutes.UserId: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "ChatRoutes.UserName: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "ChatRoutes.ReplyToId: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "Referrals.Summary: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "Referrals.OutcomeNote: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "Referrals.Region: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "Users.TotpSecret: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "DataProtectionKeys.Xml: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "CaseEvents.AnswerText: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "MediaStore.File: 0 rewritten, 0 changed meanwhile, 0 unreadable",
                "Done: rewritten 0; changed meanwhile 0; unreadable 0.",
            ],
            lines);
        Assert.Equal("operator keys.rotated succeeded rewritten 0; changed meanwhile 0; unreadable 0",
            await hotline.ScalarAsync("SELECT CONCAT(Actor, ' ', Action, ' ', Outcome, ' ', Subject) FROM AuditEntries WHERE Action = 'keys.rotated'"));
    }

    [Theory, DatabaseData]
    public async Task A_rotation_write_over_a_row_the_hotline_changed_since_the_rotation_read_it_leaves_the_hotlines_values(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var queued = await hotline.QueueCaseAsync("ne", PriorityBand.High, "documents_retained");
        var conversations = hotline.Get<ConversationRepository>();
        var readByRotation = await hotline.ScalarAsync($"SELECT AddressCipher FROM Conversations WHERE Id = '{queued.ConversationId}'");
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            var conversation = (await conversations.FindByIdAsync(session, queued.ConversationId, Ct))!;
            await conversations.UpdateAsync(session, conversation with { EngineState = "{\"step\":\"consent\"}" }, Ct);
            await session.CommitAsync(Ct);
        }

        var written = await hotline.Database.WriteAsync((session, token) => session.ExecuteAsync("Conversations_RotateKeys", new
        {
            Id = queued.ConversationId, AddressCipher = "rotated", EngineStateCipher = (string?)null,
            OldAddressCipher = readByRotation, OldEngineStateCipher = (string?)null,
        }, token), Ct);

        await using var reader = await hotline.Database.OpenAsync(Ct);
        Assert.Equal((0, "{\"step\":\"consent\"}"), (written, (await conversations.FindByIdAsync(reader, queued.ConversationId, Ct))!.EngineState));
    }

    private async Task WriteUnderTwoOldKeysAndTheUnboundFormAsync(HostDatabase database)
    {
        await using (var first = await ReferralHarness.StartAsync(database, _keys.Settings("k1", "k1")))
        {
            var queued = await first.QueueCaseAsync(texts: [FirstText], note: Note);
            await first.SendAsync(queued.Id, first.Shelter, PartnerServices.Shelter, ReferralHarness.Consent("summary"));
        }

        // As a database from before rows were bound holds it: sealed with only "CaseNotes.Body" as associated data.
        await using (var connection = await database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync($"UPDATE CaseNotes SET BodyCipher = '{FieldProtectorTests.UnboundValue(Note, "CaseNotes.Body", _keys["k1"], "k1")}'");
        }

        await using var second = await TwilioHarness.StartAsync(database, _keys.Settings("k2", "k1", "k2"));
        await second.TextAsync(Worker, WholeIntake);
    }

    /// <summary>
    /// How many stored values are in each form and key ("hl2:k3 35"), over every encrypted column, the session key ring and
    /// the intake answers (their cipher inside each event's JSON, read here rather than with either engine's JSON functions).
    /// </summary>
    private static async Task<IReadOnlyList<string>> StoredFormsAsync(HostDatabase database)
    {
        var columns = await QueryAsync(database, """
            SELECT AddressCipher FROM Conversations UNION ALL SELECT EngineStateCipher FROM Conversations
            UNION ALL SELECT BodyCipher FROM Messages UNION ALL SELECT MediaCipher FROM Messages
            UNION ALL SELECT BodyCipher FROM CaseNotes
            UNION ALL SELECT BotConversationIdCipher FROM ChatRoutes UNION ALL SELECT UserIdCipher FROM ChatRoutes
            UNION ALL SELECT UserNameCipher FROM ChatRoutes UNION ALL SELECT ReplyToIdCipher FROM ChatRoutes
            UNION ALL SELECT SummaryCipher FROM Referrals UNION ALL SELECT OutcomeNoteCipher FROM Referrals
            UNION ALL SELECT TotpSecret FROM Users
            UNION ALL SELECT XmlCipher FROM DataProtectionKeys
            """);
        var answers = (await QueryAsync(database, "SELECT Data FROM CaseEvents WHERE Type = 'AnswerRecorded'"))
            .Select(data => JsonNode.Parse(data!)!["TextCipher"]?.GetValue<string>());
        return [.. columns.Concat(answers).OfType<string>().GroupBy(value => value[..Math.Min(6, value.Length)]).OrderBy(form => form.Key, StringComparer.Ordinal)
            .Select(form => $"{form.Key} {form.Count()}")];
    }

    private static async Task<IReadOnlyList<string?>> QueryAsync(HostDatabase database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string?>(sql)];
    }

    private static async Task<(int Exit, IReadOnlyList<string> Lines)> RotateAsync(HotlineApp app, params string[] options)
    {
        var output = new StringWriter();
        var exit = await OperatorCommands.RunAsync(app.Services, ["keys", "rotate", .. options], new StringReader(""), output, Ct);
        return (exit, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
