namespace Hotline.Api.Twilio;

/// <summary>
/// With <c>Twilio:Enabled=false</c> nothing is sent by SMS or WhatsApp: each reply fails at once with a
/// reason the console shows, so nobody takes it for delivered.
/// </summary>
public sealed class TwilioDisabledSender : IChannelSender
{
    public const string NotSent = "Not sent: Twilio is disabled (Twilio:Enabled=false).";

    public bool Handles(Channel channel) => channel is Channel.Sms or Channel.WhatsApp;

    public ValueTask WaitForTurnAsync(OutboundSend send, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task<SendResult> SendAsync(OutboundSend send, CancellationToken cancellationToken) =>
        Task.FromResult<SendResult>(new SendResult.Rejected(NotSent));

    public Task<EarlierAttempt> FindEarlierAttemptAsync(OutboundSend send, CancellationToken cancellationToken) => Task.FromResult(EarlierAttempt.None);
}
