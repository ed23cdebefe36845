using Hotline.Api.Accountability;
using Hotline.Api.Auth;
using Hotline.Api.BotConnector;
using Hotline.Api.CaseStore;
using Hotline.Api.Casework;
using Hotline.Api.ConversationStore;
using Hotline.Api.Health;
using Hotline.Api.Inbound;
using Hotline.Api.Outbox;
using Hotline.Api.Twilio;
using Hotline.Api.IntakeHost;
using Hotline.Api.SimCards;
using Microsoft.Extensions.Options;
using Hotline.Api.Messages;
using Hotline.Api.Metrics;
using Hotline.Api.Privacy;
using Hotline.Api.PhoneSimulator;
using Hotline.Api.Storage;
using Hotline.Api.Users;
using Hotline.Api.Referrals;
using Hotline.Api.Statistics;
using Hotline.Api.Redis;
using Hotline.Api.Retention;

namespace Hotline.Api.Hosting;

public static class HotlineServices
{
    public static IServiceCollection AddHotline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<HotlineOptions>().BindConfiguration(HotlineOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HotlineOptions>, HotlineOptionsValidator>();
        services.AddHotlineMetrics();
        services.AddHotlineHealth();
        services.AddStorage();
        services.AddPrivacy();
        services.AddAudit();
        services.AddCases();
        services.AddSingleton<ConversationRepository>();
        services.AddSingleton<MessageRepository>();
        services.AddSingleton<UserRepository>();
        services.AddSingleton<UserAccounts>();
        services.AddIntake();
        services.AddSimRegistry();
        services.AddSingleton<EngineTurnApplier>();
        services.AddSingleton<InboundPipeline>();
        services.AddOutbox();
        services.AddHotlineAuth();
        services.AddSharedKeys(configuration);
        services.AddCasework();
        services.AddReferrals();
        services.AddStatistics();
        services.AddRetention();
        services.AddSingleton(Hotline.Bot.CannedReplies.CannedReplyCatalog.LoadDefault());
        services.AddRedis();
        services.AddTwilio(configuration);
        services.AddBotFramework();
        services.AddProblemDetails();
        services.AddOpenApi();
        return services;
    }

    public static WebApplication MapHotline(this WebApplication app)
    {
        // A request the framework could not bind (bad JSON, a failed antiforgery check) is the caller's error: 4xx, never 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseHotlineMetrics();
        app.UseSecurityHeaders();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseHubOriginCheck();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        var openApi = app.MapOpenApi("/api/openapi/{documentName}.json");
        if (!app.Environment.IsDevelopment())
        {
            openApi.RequireAuthorization();
        }

        app.MapHealthEndpoints();
        app.MapTwilioWebhooks();
        app.MapBotEndpoints();
        app.MapSessionEndpoints();
        app.MapTwoFactorEndpoints();
        app.MapCaseworkEndpoints();
        app.MapSimEndpoints();
        app.MapLanguageEndpoints();
        app.MapCannedReplyEndpoints();
        app.MapReferrals();
        app.MapStatisticsEndpoints();
        app.MapAuditEndpoints();
        // A connection ends when its cookie would have expired, so an idle session cannot live on in an open socket.
        app.MapHub<CaseHub>(CaseHub.Path, options => options.CloseOnAuthenticationExpiration = true);
        if (app.Environment.IsDevelopment())
        {
            app.MapSimulator();
            app.MapChatSimulator();
        }
        return app;
    }
}
