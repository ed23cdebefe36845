namespace Hotline.Api.SimCards;

public static class SimServices
{
    public static IServiceCollection AddSimRegistry(this IServiceCollection services)
    {
        services.AddOptions<SimRegistryOptions>().BindConfiguration(SimRegistryOptions.Section);
        services.AddSingleton<SimRegistry>();
        return services;
    }
}
