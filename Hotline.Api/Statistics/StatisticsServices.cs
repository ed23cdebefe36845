namespace Hotline.Api.Statistics;

public static class StatisticsServices
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddValidatedOptions<StatisticsOptions, StatisticsOptionsValidator>(StatisticsOptions.Section);
        services.AddSingleton(IndicatorMap.Default);
        services.AddSingleton<StatisticsProjection>();
        services.AddSingleton<StatisticsLanguages>();
        services.AddSingleton<StatisticsReport>();
        services.AddHostedService<StatisticsProjectionJob>();
        return services;
    }
}
