namespace Hotline.Api.Outbox;

public static class OutboxServices
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddSingleton<OutboxRepository>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboundWriter>();
        services.AddSingleton<DeliveryRecorder>();
        services.AddSingleton<OutboxOutcomes>();
        services.AddSingleton<OutboxDispatchJob>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatchJob>());
        return services;
    }
}
