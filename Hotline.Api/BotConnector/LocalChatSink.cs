namespace Hotline.Api.BotConnector;

/// <summary>
/// Development only, with no Bot:AppId: takes chat replies instead of the Bot Connector, so the chat
/// simulator shows them from the conversation. Logs the message id only, never a text or an account.
/// </summary>
public sealed class LocalChatSink(ILogger<LocalChatSink> logger) : IChannelSender
{
    public bool Handles(Channel channel) => channel == Channel.Chat;

    public ValueTask WaitForTurnAsync(OutboundSend send, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task<SendResult> SendAsync(OutboundSend send, CancellationToken cancellationToken)
    {
        logger.LogInformation("Local chat sink took reply {MessageId}; no Bot:AppId is configured.", send.MessageId);
        return Task.FromResult<SendResult>(new SendResult.Accepted($"local:{send.MessageId:N}", DeliveryStatuses.Delivered));
    }

    public Task<EarlierAttempt> FindEarlierAttemptAsync(OutboundSend send, CancellationToken cancellationToken) =>
        Task.FromResult<EarlierAttempt>(new EarlierAttempt.Found([$"local:{send.MessageId:N}"]));
}

/// <summary>
/// Outside Development with no Bot:AppId, chat is off; a chat reply still in the outbox (the bot was
/// configured before) is not lost at once: it waits through the retries for the configuration to return,
/// then fails where caseworkers see it.
/// </summary>
public sealed class ChatNotConfiguredSender : IChannelSender
{
    public bool Handles(Channel channel) => channel == Channel.Chat;

    public ValueTask WaitForTurnAsync(OutboundSend send, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task<SendResult> SendAsync(OutboundSend send, CancellationToken cancellationToken) =>
        Task.FromResult<SendResult>(new SendResult.NotAccepted(BotTokenValidator.NotConfigured));

    public Task<EarlierAttempt> FindEarlierAttemptAsync(OutboundSend send, CancellationToken cancellationToken) => Task.FromResult(EarlierAttempt.None);
}
