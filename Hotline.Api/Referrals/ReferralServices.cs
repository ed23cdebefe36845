namespace Hotline.Api.Referrals;

public static class ReferralServices
{
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddSingleton<ReferralRepository>();
        services.AddSingleton<ReferralRegionBackfill>();
        services.AddSingleton<ReferralWorkflow>();
        services.AddSingleton<PartnerInbox>();
        services.AddSingleton<PartnerPhotos>();
        return services;
    }
}
