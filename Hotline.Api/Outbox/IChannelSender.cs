namespace Hotline.Api.Outbox;

/// <param name="Reengagement">Send the configured WhatsApp template instead of <paramref name="Body"/>, which only describes it.</param>
public sealed record OutboundSend(Guid MessageId, ChannelAddress To, string Body, int Segments, DateTimeOffset CreatedAt, bool Reengagement = false);

/// <summary>What a provider said to one attempt.</summary>
public abstract record SendResult
{
    /// <summary>The provider has the message.</summary>
    public sealed record Accepted(string ProviderMessageId, string Status) : SendResult;

    /// <summary>The provider surely did not take it (429 rate limit): try again later.</summary>
    public sealed record NotAccepted(string Error) : SendResult;

    /// <summary>It may or may not have been taken (timeout, 5xx, connection lost): ask before sending again.</summary>
    public sealed record Unknown(string Error) : SendResult;

    /// <summary>Refused for good (invalid number, unsubscribed): retrying cannot help.</summary>
    public sealed record Rejected(string Error) : SendResult;

    /// <summary>WhatsApp refused free text outside its 24-hour window: the message waits until the person writes.</summary>
    public sealed record WindowClosed(string Error) : SendResult;
}

/// <summary>What the provider said when asked whether an earlier attempt, whose outcome is unknown, reached it.</summary>
public abstract record EarlierAttempt
{
    /// <summary>
    /// The provider's messages that match it, newest first: the one not yet recorded against another of our messages is
    /// the attempt, which must not be sent again. A match that is another reply's (the same words to the same person a
    /// moment before) is not.
    /// </summary>
    public sealed record Found(IReadOnlyList<string> ProviderMessageIds) : EarlierAttempt;

    /// <summary>It did not: sending again cannot make a duplicate.</summary>
    public sealed record NotFound : EarlierAttempt;

    /// <summary>The provider could not be asked (it failed or did not answer): still unknown, so nothing is sent.</summary>
    public sealed record CouldNotAsk(string Error) : EarlierAttempt;

    public static readonly EarlierAttempt None = new NotFound();
}

/// <summary>Sends on one or more channels. One implementation per provider (Twilio, the Bot Connector, the local sink).</summary>
public interface IChannelSender
{
    bool Handles(Channel channel);

    /// <summary>Waits until the provider's rate for this sender allows the message's segments.</summary>
    ValueTask WaitForTurnAsync(OutboundSend send, CancellationToken cancellationToken);

    /// <summary>
    /// Gets what the send needs from elsewhere (the Bot Connector's token, from a login service that can be slow) before the
    /// dispatcher's last check whether the person may still be written to, so that nothing slow stands between that check and
    /// the provider call; null when the send is ready, or why it cannot go now (tried again later).
    /// </summary>
    Task<SendResult.NotAccepted?> PrepareAsync(OutboundSend send, CancellationToken cancellationToken) => Task.FromResult<SendResult.NotAccepted?>(null);

    /// <summary>The provider call itself, right after the dispatcher's last check: it waits on nothing but the provider.</summary>
    Task<SendResult> SendAsync(OutboundSend send, CancellationToken cancellationToken);

    /// <summary>Whether an earlier attempt of this message reached the provider. Never throws for a provider's failure.</summary>
    Task<EarlierAttempt> FindEarlierAttemptAsync(OutboundSend send, CancellationToken cancellationToken);
}
