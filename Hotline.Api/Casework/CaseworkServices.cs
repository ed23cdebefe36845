namespace Hotline.Api.Casework;

public static class CaseworkServices
{
    public static IServiceCollection AddCasework(this IServiceCollection services)
    {
        services.AddSignalR(options => options.MaximumReceiveMessageSize = 64 * 1024);
        services.AddSingleton<CaseReadModel>();
        services.AddSingleton<CaseActions>();
        services.AddSingleton<QueueStatisticsReader>();
        services.AddHostedService<CaseEventStream>();
        return services;
    }
}
