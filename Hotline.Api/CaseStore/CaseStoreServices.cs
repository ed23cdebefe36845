namespace Hotline.Api.CaseStore;

public static class CaseStoreServices
{
    public static IServiceCollection AddCaseStore(this IServiceCollection services)
    {
        services.AddValidatedOptions<QueueOptions, QueueOptionsValidator>(QueueOptions.Section);
        services.AddSingleton<CaseEventSignal>();
        services.AddSingleton<CaseEventLog>();
        services.AddSingleton<CaseQueue>();
        services.AddSingleton<CaseLanguageLearning>();
        services.AddSingleton<CaseNoteRepository>();
        services.AddSingleton<CaseOutcomeBackfill>();
        services.AddSingleton<CaseLanguageBackfill>();
        services.AddHostedService<LeaseExpiryJob>();
        return services;
    }
}
