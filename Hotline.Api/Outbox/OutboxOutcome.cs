namespace Hotline.Api.Outbox;

/// <summary>What became of one attempt, recorded by <see cref="OutboxOutcomes"/> together with the other outcomes of its pass.</summary>
public abstract record OutboxOutcome(OutboxItem Item)
{
    /// <summary>The provider has the message (or had it from an earlier attempt).</summary>
    public sealed record Sent(OutboxItem Item, Message Message, string ProviderMessageId, string Status) : OutboxOutcome(Item);

    /// <summary>Failed or cancelled for good; the message and its case say why.</summary>
    public sealed record Finished(OutboxItem Item, Message Message, OutboxStatus Status, string DeliveryStatus, string Error) : OutboxOutcome(Item);

    /// <summary>Not sent as free text because WhatsApp's window is closed: it waits until the person writes (<see cref="WhatsAppHolds"/>).</summary>
    public sealed record Held(OutboxItem Item, Message Message, Conversation Conversation) : OutboxOutcome(Item);

    /// <summary>Back for a later attempt; the message, when it could be read, says why it waits.</summary>
    public sealed record RetryLater(OutboxItem Item, Message? Message, DateTimeOffset NextAttemptAt, bool OutcomeUnknown, string Error)
        : OutboxOutcome(Item);

    /// <summary>
    /// Claimed but not attempted: an earlier reply to the same person did not go, and this one would reach the phone before
    /// it. Back to waiting, its attempt not counted.
    /// </summary>
    public sealed record WaitsForEarlier(OutboxItem Item) : OutboxOutcome(Item);

    /// <summary>The stored reply could not be read: failed by its id alone, so that no dispatcher claims it again.</summary>
    public sealed record SetAside(OutboxItem Item, string Error) : OutboxOutcome(Item);
}
