namespace Hotline.Api.Erasure;

public static class ErasureServices
{
    public static IServiceCollection AddErasure(this IServiceCollection services)
    {
        services.AddSingleton<PersonalDataEraser>();
        services.AddSingleton<PersonErasure>();
        return services;
    }
}
