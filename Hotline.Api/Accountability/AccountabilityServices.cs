namespace Hotline.Api.Accountability;

public static class AccountabilityServices
{
    public static IServiceCollection AddAccountability(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.AddSingleton<AuditChain>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<AuditRetention>();
        services.AddSingleton<AuditChainStatus>();
        services.AddHostedService<AuditChainWatchJob>();
        return services;
    }
}
