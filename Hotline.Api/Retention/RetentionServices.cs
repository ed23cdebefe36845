namespace Hotline.Api.Retention;

public static class RetentionServices
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddValidatedOptions<RetentionOptions, RetentionOptionsValidator>(RetentionOptions.Section);
        services.AddSingleton<RetentionSweep>();
        services.AddHostedService<RetentionJob>();
        return services;
    }
}
