using StackExchange.Redis;

namespace Hotline.Api.Redis;

/// <summary>
/// The instance's one Redis connection, made on first use (an instance without Redis never makes one) and
/// closed when the host stops, so Redis sees the client leave rather than a socket drop.
/// </summary>
public sealed class RedisConnection(string? connectionString) : IAsyncDisposable
{
    private readonly Lazy<IConnectionMultiplexer> _multiplexer = new(() => RedisServices.Connect(
        connectionString ?? throw new InvalidOperationException($"{RedisOptions.Section}:ConnectionString is not set: this instance has no Redis.")));

    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public bool WasMade => _multiplexer.IsValueCreated;

    public async ValueTask DisposeAsync()
    {
        if (WasMade)
        {
            await _multiplexer.Value.DisposeAsync();
        }
    }
}
