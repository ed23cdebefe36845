using Microsoft.AspNetCore.Authorization;

namespace Hotline.Api.Accountability;

public static class AccountabilityServices
{
    public static IServiceCollection AddAccountability(this IServiceCollection services)
    {
        services.AddValidatedOptions<AuditOptions, AuditOptionsValidator>(AuditOptions.Section);
        services.AddSingleton<AuditChain>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusedAccessAudit>();
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<AuditRetention>();
        services.AddSingleton<AuditChainStatus>();
        services.AddHostedService<AuditChainWatchJob>();
        return services;
    }
}
