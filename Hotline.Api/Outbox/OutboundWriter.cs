using Hotline.Bot.Channels.Sms;

namespace Hotline.Api.Outbox;

/// <summary>Why an outbound message was refused before anything was stored.</summary>
public sealed class OutboundRefusedException(string reason) : Exception(reason);

/// <summary>
/// Writes an outbound message and its outbox row inside the caller's transaction, so the reply exists
/// exactly when whatever caused it exists. The dispatcher sends it later, at least once, never blindly twice.
/// </summary>
public sealed class OutboundWriter(MessageRepository messages, OutboxRepository outbox, CaseEventLog events, OutboxSignal signal, TimeProvider time)
{
    /// <summary>Refuses text the channel cannot carry and conversations the hotline must not write to.</summary>
    public static string? RefusalFor(Conversation conversation, string body) => (conversation.Status, body) switch
    {
        (ConversationStatus.OptedOut, _) => "The person has opted out (sent STOP); nothing can be sent until they send START.",
        (ConversationStatus.Quiet, _) => $"{conversation.StatusReason ?? "The person asked for silence."} Nothing can be sent until they say it is safe to write.",
        (_, { Length: 0 }) => "The message is empty.",
        _ when SmsSegments.IsTooLong(body) => $"The message is {body.Length} characters; at most {SmsSegments.MaxCharacters} can be sent.",
        _ => null,
    };

    public Task<Message> WriteAsync(DbSession session, Conversation conversation, Guid? caseId, string body, Guid? authorUserId,
        CancellationToken cancellationToken) =>
        WriteMessageAsync(session, conversation, caseId, body, authorUserId, messageId: null, sendWhileQuietAtVersion: null, cancellationToken);

    /// <param name="messageId">The id the message takes: a console's request id, so that a repeat finds the message it made.</param>
    public Task<Message> WriteAsync(DbSession session, Conversation conversation, Guid? caseId, string body, Guid? authorUserId,
        Guid? messageId, CancellationToken cancellationToken) =>
        WriteMessageAsync(session, conversation, caseId, body, authorUserId, messageId, sendWhileQuietAtVersion: null, cancellationToken);

    /// <summary>
    /// Writes a reply of the turn that has just left <paramref name="conversation"/> quiet: a last word before the silence,
    /// marked with the version that turn wrote and sent while the conversation stays in that quiet spell, and only then.
    /// </summary>
    public Task<Message> WriteLastWordAsync(DbSession session, Conversation conversation, Guid? caseId, string body,
        CancellationToken cancellationToken) =>
        conversation.Status == ConversationStatus.Quiet
            ? WriteMessageAsync(session, conversation with { Status = ConversationStatus.Active }, caseId, body, null, null, conversation.Version,
                cancellationToken)
            : throw new InvalidOperationException($"Conversation {conversation.Id} is {conversation.Status}: only a turn that made it quiet has a last word.");

    private async Task<Message> WriteMessageAsync(DbSession session, Conversation conversation, Guid? caseId, string body, Guid? authorUserId,
        Guid? messageId, int? sendWhileQuietAtVersion, CancellationToken cancellationToken)
    {
        if (RefusalFor(conversation, body) is { } reason)
        {
            throw new OutboundRefusedException(reason);
        }

        var now = time.GetUtcNow();
        var channel = conversation.Address.Channel;
        var message = new Message(messageId ?? RowIds.Version7(now), conversation.Id, caseId, MessageDirection.Outbound, channel, null, body, null,
            channel == Channel.Chat ? 1 : SmsSegments.Measure(body).Segments, authorUserId, DeliveryStatuses.Pending, now);
        await messages.AddAsync(session, message, cancellationToken);
        await outbox.AddAsync(session, message.Id, conversation.Id, channel, sendWhileQuietAtVersion, cancellationToken);
        session.AfterCommit(signal.Notify);
        if (caseId is { } id)
        {
            await events.AppendAsync(session, id, CaseEventTypes.ReplyQueued,
                new { MessageId = message.Id, message.Segments, AuthorUserId = authorUserId }, authorUserId, cancellationToken);
        }

        return message;
    }
}
