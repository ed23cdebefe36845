namespace Hotline.Api.BotConnector;

/// <summary>What is known of the posts of one reply to the Bot Connector.</summary>
public enum ReplyPostState
{
    /// <summary>A post started and its answer was never recorded (the sender stopped or lost the database mid-post).</summary>
    Posting,

    /// <summary>The connector answered 2xx: it has the reply.</summary>
    Accepted,

    /// <summary>The connector's answer (or no connection at all) proves it did not take the reply: posting again is safe.</summary>
    NotAccepted,

    /// <summary>The connector may or may not have taken the reply (5xx, timeout, connection lost mid-request).</summary>
    Unknown,
}

/// <summary>
/// The Bot Connector has no way to ask whether it took a reply, so the evidence is kept here: the state is
/// written before each post and after its answer, each in its own short transaction. A reply is posted
/// again only after an answer that proves the connector did not take it; after an unknown outcome it is
/// never posted again by the machine.
/// </summary>
public sealed class ChatReplyJournal(Database database, TimeProvider time)
{
    public async Task<ReplyPostState?> ReadAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return await ReadAsync(session, messageId, cancellationToken);
    }

    /// <summary>
    /// Marks a post as started; null when this caller may post now, else the state that forbids it
    /// (another post in flight or unanswered, an unknown outcome, or already accepted).
    /// </summary>
    public async Task<ReplyPostState?> TryBeginPostAsync(Guid messageId, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = await database.BeginWriteAsync(cancellationToken);
            var args = new { MessageId = messageId, UpdatedAt = time.GetUtcNow() };
            var state = await ReadAsync(session, messageId, cancellationToken);
            var begun = state switch
            {
                null => await session.ExecuteAsync("ChatReplyAttempts_Create", args, cancellationToken) == 1,
                ReplyPostState.NotAccepted => await session.ExecuteAsync("ChatReplyAttempts_BeginPost", args, cancellationToken) == 1,
                _ => false,
            };
            if (!begun)
            {
                return state ?? ReplyPostState.Posting;
            }

            await session.CommitAsync(cancellationToken);
            return null;
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another dispatcher began a post of the same reply at the same moment.
            return ReplyPostState.Posting;
        }
    }

    /// <summary>Records the connector's answer to the post this caller began. Not cancellable: the answer must be kept.</summary>
    public async Task FinishPostAsync(Guid messageId, ReplyPostState outcome)
    {
        await using var session = await database.BeginWriteAsync(CancellationToken.None);
        await session.ExecuteAsync("ChatReplyAttempts_Finish",
            new { MessageId = messageId, State = outcome.ToString(), UpdatedAt = time.GetUtcNow() }, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
    }

    private static async Task<ReplyPostState?> ReadAsync(DbSession session, Guid messageId, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<AttemptRow>("ChatReplyAttempts_ReadByMessageId", new { MessageId = messageId }, cancellationToken);
        return row is null ? null : Enum.Parse<ReplyPostState>(row.State);
    }

    private sealed record AttemptRow
    {
        public Guid MessageId { get; init; }
        public string State { get; init; } = "";
        public int Posts { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }
}
