using Hotline.Api.Redis;

namespace Hotline.Api.Tests.Redis;

/// <summary>The instance's Redis connection is made on first use and closed when the host lets it go.</summary>
public sealed class RedisConnectionTests
{
    [Fact]
    public async Task Letting_the_connection_go_closes_it()
    {
        await using var redis = await RedisServer.StartAsync();
        var connection = new RedisConnection(redis.ConnectionString);
        var multiplexer = connection.Multiplexer;
        await multiplexer.GetDatabase().PingAsync();

        await connection.DisposeAsync();

        Assert.False(multiplexer.IsConnected);
    }

    [Fact]
    public async Task A_connection_never_used_is_never_made()
    {
        // Nothing listens on port 1: making the connection would log failures and retry in the background.
        var connection = new RedisConnection("127.0.0.1:1,connectTimeout=100");

        await connection.DisposeAsync();

        Assert.False(connection.WasMade);
    }

    [Fact]
    public void An_instance_without_redis_refuses_to_connect_with_the_key_to_set()
    {
        var connection = new RedisConnection(null);

        var refused = Assert.Throws<InvalidOperationException>(() => connection.Multiplexer);

        Assert.Contains("Hotline:Redis:ConnectionString", refused.Message, StringComparison.Ordinal);
    }
}
