namespace Hotline.Api.Messages;

public static class MessageServices
{
    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        services.AddSingleton<MessageRepository>();
        return services;
    }
}
