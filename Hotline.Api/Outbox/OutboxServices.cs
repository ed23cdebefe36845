namespace Hotline.Api.Outbox;

public static class OutboxServices
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddValidatedOptions<OutboxOptions, OutboxOptionsValidator>(OutboxOptions.Section);
        services.AddSingleton<OutboxRepository>();
        services.AddSingleton<FailedReplyCases>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboundWriter>();
        services.AddSingleton<WaitingReplies>();
        services.AddSingleton<DeliveryRecorder>();
        services.AddSingleton<OutboxOutcomes>();
        services.AddSingleton<OutboxDispatchJob>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatchJob>());
        return services;
    }
}
