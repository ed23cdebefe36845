namespace Hotline.Api.SimCards;

public static class SimCardServices
{
    public static IServiceCollection AddSimCards(this IServiceCollection services)
    {
        services.AddOptions<SimRegistryOptions>().BindConfiguration(SimRegistryOptions.Section);
        services.AddSingleton<SimRegistry>();
        return services;
    }
}
