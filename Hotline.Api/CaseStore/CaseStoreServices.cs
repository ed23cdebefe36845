namespace Hotline.Api.CaseStore;

public static class CaseStoreServices
{
    public static IServiceCollection AddCaseStore(this IServiceCollection services)
    {
        services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QueueOptions>, QueueOptionsValidator>();
        services.AddSingleton<CaseEventSignal>();
        services.AddSingleton<CaseEventLog>();
        services.AddSingleton<CaseQueue>();
        services.AddSingleton<CaseNoteRepository>();
        services.AddSingleton<CaseOutcomeBackfill>();
        services.AddHostedService<LeaseExpiryJob>();
        return services;
    }
}
