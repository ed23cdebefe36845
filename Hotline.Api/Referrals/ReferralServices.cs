using Hotline.Api.Partners;

namespace Hotline.Api.Referrals;

public static class ReferralServices
{
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddSingleton<PartnerRepository>();
        services.AddSingleton<ReferralRepository>();
        services.AddSingleton<ReferralWorkflow>();
        services.AddSingleton<PartnerInbox>();
        return services;
    }

    public static IEndpointRouteBuilder MapReferrals(this IEndpointRouteBuilder app) =>
        app.MapPartnerEndpoints().MapReferralEndpoints();
}
