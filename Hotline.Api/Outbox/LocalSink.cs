namespace Hotline.Api.Outbox;

/// <summary>
/// Takes SMS and WhatsApp replies when no Twilio account is configured (a fresh clone, the simulator),
/// so the whole flow runs without sending anything anywhere. It logs only the message id: never a
/// number or a text.
/// </summary>
public sealed class LocalSink(ILogger<LocalSink> logger) : IChannelSender
{
    public bool Handles(Channel channel) => channel is Channel.Sms or Channel.WhatsApp;

    public ValueTask WaitForTurnAsync(OutboundSend send, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task<SendResult> SendAsync(OutboundSend send, CancellationToken cancellationToken)
    {
        logger.LogInformation("Local sink took message {MessageId} ({Segments} segment(s)); no Twilio account is configured.", send.MessageId, send.Segments);
        return Task.FromResult<SendResult>(new SendResult.Accepted($"SM{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}", DeliveryStatuses.Delivered));
    }

    public Task<EarlierAttempt> FindEarlierAttemptAsync(OutboundSend send, CancellationToken cancellationToken) => Task.FromResult(EarlierAttempt.None);
}
