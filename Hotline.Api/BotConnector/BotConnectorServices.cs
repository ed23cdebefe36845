namespace Hotline.Api.BotConnector;

public static class BotConnectorServices
{
    /// <summary>
    /// Chat over the Bot Framework. With Bot:AppId: tokens checked against the Bot Framework's published keys,
    /// replies through the Bot Connector. Without it in Development: the simulator's local issuer and a local
    /// sink. Without it elsewhere: /api/messages answers 503.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        services.AddValidatedOptions<BotOptions, BotOptionsValidator>(BotOptions.Section);
        services.AddSingleton<BotHttp>();
        services.AddSingleton<BotTokenClient>();
        services.AddSingleton<DevelopmentBotIssuer>();
        services.AddSingleton(provider => new BotTokenValidator(
            Issuer(provider), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<BotTokenValidator>>()));
        services.AddSingleton<ChatKeys>();
        services.AddSingleton<ChatActivityLog>();
        services.AddSingleton<ChatRouteRepository>();
        services.AddSingleton<ChatReplyJournal>();
        services.AddSingleton<ChatMessageIntake>();
        services.AddSingleton<ChatConversationEvents>();
        services.AddSingleton<ChatActivityRouter>();
        services.AddSingleton<IChannelSender>(provider => provider.GetRequiredService<IOptions<BotOptions>>().Value.Configured
            ? ActivatorUtilities.CreateInstance<BotConnectorSender>(provider)
            : provider.GetRequiredService<IHostEnvironment>().IsDevelopment()
                ? ActivatorUtilities.CreateInstance<LocalChatSink>(provider)
                : new ChatNotConfiguredSender());
        return services;
    }

    /// <summary>Whose tokens /api/messages accepts; null when chat is not configured.</summary>
    private static BotIssuer? Issuer(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<BotOptions>>().Value;
        var time = provider.GetRequiredService<TimeProvider>();
        if (options.Configured)
        {
            var retriever = new MetadataRetriever(provider.GetRequiredService<BotHttp>().Client);
            return new BotIssuer(options.AppId!, new SigningKeys(options.OpenIdMetadataUrl, retriever, time));
        }

        if (!provider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            return null;
        }

        var local = provider.GetRequiredService<DevelopmentBotIssuer>();
        return new BotIssuer(DevelopmentBotIssuer.AppId, new SigningKeys(local.MetadataUrl, local, time));
    }
}
