namespace Hotline.Api.Outbox;

/// <summary>
/// Never text first: a quiet conversation gets only the last words of its present quiet spell (the answers to the
/// person's own messages since it began: the decoy, the not-safe acknowledgement, the safety question), each written at
/// a version the spell has held since it began; an opted-out one gets nothing. The person writing again in the same spell
/// moves the version on but not the spell's start, so a last word still waiting goes out before the new reply (before,
/// the exact version was asked for, and it was cancelled); one of an earlier spell was written before this one began.
/// Asked by the dispatcher before a send and by a WhatsApp hold (a 63016 arriving after the quiet began).
/// </summary>
public static class SendPermission
{
    public static bool Allows(Conversation conversation, int? sendWhileQuietAtVersion) => conversation.Status switch
    {
        ConversationStatus.Active => true,
        ConversationStatus.Quiet => sendWhileQuietAtVersion is { } written && conversation.QuietSinceVersion is { } since && written >= since,
        _ => false,
    };

    /// <summary>
    /// Whether a reply (its message's place in the conversation) was written before the person's latest silence began
    /// (Conversations.SilencedThroughSequence): it is never sent after that silence, even once it has ended. Its earlier
    /// attempt, if it reached the provider, is recorded; a WhatsApp 63016 for it cancels it rather than holding it.
    /// </summary>
    public static bool WrittenBeforeSilence(long sequence, long? silencedThroughSequence) =>
        silencedThroughSequence is { } through && sequence <= through;

    public const string WrittenBeforeSilenceReason =
        "Not sent: it was written before the person went quiet or opted out, and nothing written before a silence is sent after it.";
}
