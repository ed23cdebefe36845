using StackExchange.Redis;

namespace Hotline.Api.Redis;

public static class RedisServices
{
    public static IServiceCollection AddRedis(this IServiceCollection services)
    {
        services.AddValidatedOptions<RedisOptions, RedisOptionsValidator>(RedisOptions.Section);
        services.AddSingleton(provider => new RedisConnection(provider.GetRequiredService<IOptions<RedisOptions>>().Value.ConnectionStringWithPassword()));
        return services;
    }

    /// <summary>
    /// Never fails for a Redis that is down or still starting: the connection keeps trying in the background
    /// and each command that finds none fails on its own, so the caller can do without Redis meanwhile.
    /// </summary>
    public static IConnectionMultiplexer Connect(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(options);
    }
}
