namespace Hotline.Api.Quarantine;

public static class QuarantineServices
{
    public static IServiceCollection AddQuarantine(this IServiceCollection services) => services.AddSingleton<QuarantineStore>();
}
