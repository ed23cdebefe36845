namespace Hotline.Api.ConversationStore;

public static class ConversationStoreServices
{
    public static IServiceCollection AddConversationStore(this IServiceCollection services)
    {
        services.AddSingleton<ConversationRepository>();
        return services;
    }
}
