using Hotline.Api.Cases;
using Hotline.Api.Conversations;
using Hotline.Api.Health;
using Hotline.Api.Ingest;
using Hotline.Api.Outbox;
using Hotline.Api.Twilio;
using Hotline.Bot.Conversations;
using Microsoft.Extensions.Options;
using Hotline.Api.Messages;
using Hotline.Api.Privacy;
using Hotline.Api.Simulator;
using Hotline.Api.Storage;
using Hotline.Api.Users;

namespace Hotline.Api.Hosting;

public static class HotlineServices
{
    public static IServiceCollection AddHotline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<HotlineOptions>().BindConfiguration(HotlineOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HotlineOptions>, HotlineOptionsValidator>();
        services.AddStorage();
        services.AddPrivacy();
        services.AddCases();
        services.AddSingleton<ConversationRepository>();
        services.AddSingleton<MessageRepository>();
        services.AddSingleton<UserRepository>();
        services.AddSingleton<IConversationEngine, FirstContactEngine>();
        services.AddSingleton<EngineTurnApplier>();
        services.AddSingleton<InboundPipeline>();
        services.AddOutbox();
        services.AddTwilio(configuration);
        services.AddProblemDetails();
        services.AddOpenApi();
        return services;
    }

    public static WebApplication MapHotline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi("/api/openapi/{documentName}.json");
        app.MapHealthEndpoints();
        app.MapTwilioWebhooks();
        if (app.Environment.IsDevelopment())
        {
            app.MapSimulator();
        }
        return app;
    }
}
