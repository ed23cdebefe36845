using Microsoft.Extensions.Options;

namespace Hotline.Api.Accountability;

public static class AuditServices
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.AddSingleton<AuditChain>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<AuditChainStatus>();
        services.AddHostedService<AuditChainWatch>();
        return services;
    }
}
