namespace Hotline.Api.Tests.Outbox;

/// <summary>
/// Puts something between the dispatcher's claim and its send (the person's discreet word, STOP) without a hook in the product:
/// every <see cref="IChannelSender"/> the host registers is wrapped, and the wrapper runs what <see cref="Next"/> was given once, when the
/// dispatcher first asks a sender for the send rate's turn. That is after the claim and its read of the person's conversation,
/// and before the send's last check, which must see what landed.
/// </summary>
public sealed class LandingBeforeTheSend
{
    private Func<Task>? _landing;

    /// <summary>What lands, once, before the next send; given after the host has started (it usually writes through the host).</summary>
    public void Next(Func<Task> landing) => _landing = landing;

    /// <summary>The services change that wraps the host's senders; pass it to the harness.</summary>
    public void WrapSenders(IServiceCollection services)
    {
        foreach (var registered in services.Where(d => d.ServiceType == typeof(IChannelSender)).ToList())
        {
            services.Remove(registered);
            services.AddSingleton<IChannelSender>(provider => new Sender(Inner(registered, provider), this));
        }
    }

    private static IChannelSender Inner(ServiceDescriptor registered, IServiceProvider provider) =>
        (IChannelSender)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));

    private Task LandOnceAsync() => Interlocked.Exchange(ref _landing, null) is { } landing ? landing() : Task.CompletedTask;

    private sealed class Sender(IChannelSender inner, LandingBeforeTheSend owner) : IChannelSender
    {
        public bool Handles(Channel channel) => inner.Handles(channel);

        public async ValueTask WaitForTurnAsync(OutboundSend send, CancellationToken cancellationToken)
        {
            await owner.LandOnceAsync();
            await inner.WaitForTurnAsync(send, cancellationToken);
        }

        public Task<SendResult.NotAccepted?> PrepareAsync(OutboundSend send, CancellationToken cancellationToken) => inner.PrepareAsync(send, cancellationToken);

        public Task<SendResult> SendAsync(OutboundSend send, CancellationToken cancellationToken) => inner.SendAsync(send, cancellationToken);

        public Task<EarlierAttempt> FindEarlierAttemptAsync(OutboundSend send, CancellationToken cancellationToken) =>
            inner.FindEarlierAttemptAsync(send, cancellationToken);
    }
}
