using Hotline.Bot.CannedReplies;

namespace Hotline.Api.Casework;

public static class CaseworkServices
{
    public static IServiceCollection AddCasework(this IServiceCollection services)
    {
        services.AddSignalR(options => options.MaximumReceiveMessageSize = 64 * 1024)
            .AddJsonProtocol(json => CaseChangeJson.Configure(json.PayloadSerializerOptions));
        services.AddSingleton<CaseReadModel>();
        services.AddSingleton<LanguageCover>();
        services.AddSingleton<CaseActions>();
        services.AddSingleton<CaseListeners>();
        services.AddSingleton<QueueStatisticsReader>();
        services.AddSingleton(CannedReplyCatalog.LoadDefault());
        services.AddHostedService<CaseEventStreamJob>();
        return services;
    }
}
