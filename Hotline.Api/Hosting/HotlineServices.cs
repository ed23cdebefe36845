using Hotline.Api.Availability;
using Hotline.Api.BotConnector;
using Hotline.Api.CaseHistory;
using Hotline.Api.Casework;
using Hotline.Api.Erasure;
using Hotline.Api.Health;
using Hotline.Api.Inbound;
using Hotline.Api.Translations;
using Hotline.Api.TwilioDeletion;
using Hotline.Api.IntakeHost;
using Hotline.Api.Media;
using Hotline.Api.SimCards;
using Hotline.Api.Quarantine;
using Hotline.Api.PhoneSimulator;
using Hotline.Api.Partners;
using Hotline.Api.Referrals;
using Hotline.Api.Statistics;
using Hotline.Api.Redis;
using Hotline.Api.Retention;
using Hotline.Api.SessionKeys;
using Hotline.Api.Tracing;

namespace Hotline.Api.Hosting;

public static class HotlineServices
{
    public static IServiceCollection AddHotline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddValidatedOptions<HotlineOptions, HotlineOptionsValidator>(HotlineOptions.Section);
        services.AddTrustedProxies();
        services.AddHotlineMetrics();
        services.AddHotlineTracing(configuration);
        services.AddHotlineHealth();
        services.AddStorage();
        services.AddQuarantine();
        services.AddPrivacy();
        services.AddAccountability();
        services.AddCaseStore();
        services.AddConversationStore();
        services.AddMessages();
        services.AddMedia();
        services.AddUsers();
        services.AddIntakeHost();
        services.AddAvailability();
        services.AddTranslations();
        services.AddSimCards();
        services.AddInbound();
        services.AddOutbox();
        services.AddWhatsApp();
        services.AddTwilioDeletion();
        services.AddSessionKeys();
        services.AddAuth();
        services.AddCasework();
        services.AddPartnerDirectory();
        services.AddCaseHistory();
        services.AddReferrals();
        services.AddStatistics();
        services.AddRetention();
        services.AddErasure();
        services.AddRedis();
        services.AddTwilio(configuration);
        services.AddBotConnector();
        services.AddPhoneSimulator();
        services.AddProblemDetails();
        services.AddOpenApi();
        return services;
    }

    public static WebApplication MapHotline(this WebApplication app)
    {
        app.UseTrustedProxies();
        // A request the framework could not bind (bad JSON, a failed antiforgery check) is the caller's error: 4xx, never 500.
        // A database that refuses writes (disk full, read-only) rolled the request back whole: 503, for the operator to fix.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                System.Data.Common.DbException db when DbErrors.CannotWrite(db) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
            // The caller's error is answered, not logged as the server's: an alert on errors must not fire for a stale tab.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        app.UseHotlineMetrics();
        app.UseSecurityHeaders();
        // "/console/" is index.html: the path is rewritten before routing, so the static assets' endpoints match it.
        app.UseDefaultFiles();
        app.UseRouting();
        app.UseHubOriginCheck();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseSignInStepPages();
        app.UseSignedInPages();
        // The console's files from the build's manifest: ETags, compressed variants and fingerprinted copies,
        // with "no-cache" on the plain names so a browser asks again and never keeps stale JS after a deploy.
        app.MapStaticAssets();
        // The host's own address opens the console: a newcomer who types it, or a link without the path, met a bare 404.
        app.MapGet("/", () => Results.Redirect("/console/")).WithName("OpenConsole").WithSummary("The host's own address: redirects to the console.");
        var openApi = app.MapOpenApi("/api/openapi/{documentName}.json");
        if (!app.Environment.IsDevelopment())
        {
            openApi.RequireAuthorization();
        }

        app.MapHealthEndpoints();
        app.MapTwilioWebhookEndpoints();
        app.MapBotEndpoints();
        app.MapSessionEndpoints();
        app.MapTwoFactorEndpoints();
        app.MapPasswordEndpoints();
        app.MapAccountEndpoints();
        app.MapCaseworkEndpoints();
        app.MapMediaEndpoints();
        app.MapCaseHistoryEndpoints();
        app.MapSimEndpoints();
        app.MapLanguageEndpoints();
        app.MapCannedReplyEndpoints();
        app.MapTranslationEndpoints();
        app.MapPartnerEndpoints();
        app.MapReferralEndpoints();
        app.MapStatisticsEndpoints();
        app.MapAuditEndpoints();
        app.MapQuarantineEndpoints();
        app.MapErasureEndpoints();
        // A connection ends when its cookie would have expired, so an idle session cannot live on in an open socket.
        app.MapHub<CaseHub>(CaseHub.Path, options => options.CloseOnAuthenticationExpiration = true);
        if (app.Environment.IsDevelopment())
        {
            // The phone simulator answers anyone with any number's transcript and signs webhooks with the token: with a
            // real Twilio account configured, those would be real people's conversations.
            if (!app.Services.GetRequiredService<IOptions<TwilioOptions>>().Value.ReachesRealTwilio)
            {
                app.MapSimulatorEndpoints();
            }

            app.MapChatSimulatorEndpoints();
        }
        return app;
    }
}
