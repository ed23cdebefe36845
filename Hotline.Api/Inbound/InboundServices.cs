namespace Hotline.Api.Inbound;

public static class InboundServices
{
    public static IServiceCollection AddInbound(this IServiceCollection services)
    {
        services.AddSingleton<EngineTurnApplier>();
        services.AddSingleton<InboundPipeline>();
        return services;
    }
}
