using Hotline.Api.Cases;
using Hotline.Api.Conversations;
using Hotline.Api.Health;
using Hotline.Api.Messages;
using Hotline.Api.Privacy;
using Hotline.Api.Storage;
using Hotline.Api.Users;

namespace Hotline.Api.Hosting;

public static class HotlineServices
{
    public static IServiceCollection AddHotline(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddStorage();
        services.AddPrivacy();
        services.AddCases();
        services.AddSingleton<ConversationRepository>();
        services.AddSingleton<MessageRepository>();
        services.AddSingleton<UserRepository>();
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
        return app;
    }
}
