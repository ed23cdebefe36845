using Hotline.Bot.CannedReplies;

namespace Hotline.Api.Casework;

public static class CaseworkServices
{
    public static IServiceCollection AddCasework(this IServiceCollection services)
    {
        services.AddSignalR(options => options.MaximumReceiveMessageSize = 64 * 1024)
            .AddJsonProtocol(json => CaseChangeJson.Configure(json.PayloadSerializerOptions));
        // SignalR's debug and trace lines quote each hub call's arguments and payloads (a caseworker's reply, a note):
        // whatever Logging:LogLevel says, nothing below Information leaves these categories.
        services.AddLogging(logging => logging
            .AddFilter("Microsoft.AspNetCore.SignalR", LogLevel.Information)
            .AddFilter("Microsoft.AspNetCore.Http.Connections", LogLevel.Information));
        services.AddSingleton<CaseReadModel>();
        services.AddSingleton<DeclinedAnswers>();
        services.AddSingleton<LanguageCover>();
        services.AddSingleton<CaseActions>();
        services.AddSingleton<SafetyQuestionReplies>();
        services.AddSingleton<CaseListeners>();
        services.AddSingleton<CaseViewings>();
        services.AddSingleton<QueueStatisticsReader>();
        services.AddSingleton<UntakenCriticalCases>();
        services.AddSingleton<HeldCasesWaiting>();
        services.AddSingleton(CannedReplyCatalog.LoadDefault());
        services.AddHostedService<CaseEventStreamJob>();
        return services;
    }
}
