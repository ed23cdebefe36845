namespace Hotline.Api.Tests.Retention;

/// <summary>A closed case with content of every kind, and raw looks at what the tables hold, on either engine.</summary>
internal static class RetentionSeeds
{
    public sealed record ClosedCase(Guid CaseId, Guid ConversationId, DateTimeOffset ClosedAt);

    /// <summary>
    /// A case with three messages (one with media), a note and an intake answer in the person's own words,
    /// claimed and closed by a caseworker; its conversation keeps an engine state.
    /// </summary>
    public static async Task<ClosedCase> SeedClosedCaseAsync(HotlineApp hotline)
    {
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.High, "documents_retained");
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            var messages = hotline.Get<MessageRepository>();
            var now = hotline.Time.GetUtcNow();
            await messages.AddAsync(session, NewMessage(queued, MessageDirection.Inbound, "they took my passport", "[\"MM1\"]", null, now), Ct);
            await messages.AddAsync(session, NewMessage(queued, MessageDirection.Inbound, "I am in the dormitory", null, null, now.AddSeconds(1)), Ct);
            await messages.AddAsync(session, NewMessage(queued, MessageDirection.Outbound, "We can help", null, worker.Id, now.AddSeconds(2)), Ct);
            await hotline.Get<CaseNoteRepository>().AddAsync(session, queued.Id, worker.Id, "lives behind the factory", Ct);
            await hotline.Get<CaseEventLog>().AppendAsync(session, queued.Id, CaseEventTypes.AnswerRecorded, new
            {
                StepId = "documents",
                AnswerCode = "retained",
                TextCipher = hotline.Get<FieldProtector>().Protect("the manager keeps it", ProtectedColumns.AnswerTextOf(queued.Id, "documents")),
            }, null, Ct);
            var conversations = hotline.Get<ConversationRepository>();
            var conversation = await conversations.FindByIdAsync(session, queued.ConversationId, Ct) ?? throw new InvalidOperationException("No conversation.");
            await conversations.UpdateAsync(session, conversation with { EngineState = "{\"step\":\"documents\"}", LastInboundAt = now }, Ct);
            await session.CommitAsync(Ct);
        }

        var queue = hotline.Get<CaseQueue>();
        var lease = await queue.ClaimAsync(queued.Id, worker.Id, TimeSpan.FromMinutes(5), Ct) ?? throw new InvalidOperationException("The case was not claimed.");
        Assert.True((await hotline.Get<CaseActions>().CloseAsync(worker, queued.Id, lease.LeaseToken, "resolved", null, Ct)).Value);
        var closedAt = await ScalarAsync<DateTimeOffset>(hotline, "SELECT ClosedAt FROM Cases WHERE Id = @Id", new { Id = queued.Id });
        return new ClosedCase(queued.Id, queued.ConversationId, closedAt);
    }

    public static Message NewMessage(CaseRecord ofCase, MessageDirection direction, string body, string? media, Guid? author, DateTimeOffset at) =>
        NewMessage(ofCase.Id, ofCase.ConversationId, direction, body, media, author, at);

    public static Message NewMessage(Guid caseId, Guid conversationId, MessageDirection direction, string body, string? media, Guid? author, DateTimeOffset at) =>
        new(Guid.CreateVersion7(at), conversationId, caseId, direction, Channel.Sms, null, body, media, 1, author,
            direction == MessageDirection.Inbound ? DeliveryStatuses.Received : DeliveryStatuses.Pending, at);

    public static async Task<T> ScalarAsync<T>(HotlineApp hotline, string sql, object? args = null)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        return await session.Connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException($"No value for: {sql}");
    }

    /// <summary>A change the product makes no other way (a row's state or time), on a connection of its own in autocommit.</summary>
    public static async Task RawAsync(HotlineApp hotline, string sql, object? args = null)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        await session.Connection.ExecuteAsync(sql, args);
    }
}
