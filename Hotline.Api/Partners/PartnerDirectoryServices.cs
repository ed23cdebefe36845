namespace Hotline.Api.Partners;

public static class PartnerDirectoryServices
{
    public static IServiceCollection AddPartnerDirectory(this IServiceCollection services)
    {
        services.AddSingleton<PartnerRepository>();
        return services;
    }
}
