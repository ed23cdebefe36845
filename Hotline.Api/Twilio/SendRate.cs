using System.Threading.RateLimiting;
using Hotline.Api.Redis;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Hotline.Api.Twilio;

/// <summary>
/// One segment at a time at the configured rate, per sending number: a long code's limit is per number,
/// not per API instance. With Redis configured every instance draws on one bucket per number in Redis;
/// without it (one instance) the bucket is in process. While Redis does not answer, each instance keeps
/// the rate by itself: replies to people in danger go out, at worst a little faster than the number allows
/// (Twilio queues what is over).
/// </summary>
public sealed class SendRate(IOptions<TwilioOptions> twilio, IOptions<RedisOptions> redis, RedisConnection connection,
    TimeProvider time, ILogger<SendRate> logger) : IDisposable
{
    private const string KeyPrefix = "hotline:send-rate:";

    private readonly TimeSpan _period = TimeSpan.FromSeconds(1 / twilio.Value.SegmentsPerSecond);
    private readonly ConcurrentDictionary<string, RateLimiter> _shared = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimiter> _local = new(StringComparer.Ordinal);
    private int _redisSilent;

    /// <summary>Returns once <paramref name="segments"/> segments may be sent from <paramref name="sender"/>.</summary>
    public async ValueTask WaitForTurnAsync(string sender, int segments, CancellationToken cancellationToken)
    {
        for (var segment = 0; segment < Math.Max(1, segments); segment++)
        {
            while (!await TryTakeTurnAsync(sender, cancellationToken))
            {
                // The Redis bucket does not queue: an empty bucket refills one token per period.
                await Task.Delay(_period, time, cancellationToken);
            }
        }
    }

    /// <summary>Takes one segment's turn if the number's bucket has one. The in-process bucket waits for one instead.</summary>
    internal async ValueTask<bool> TryTakeTurnAsync(string sender, CancellationToken cancellationToken)
    {
        if (redis.Value.Configured)
        {
            // A connection that is down fails over at once rather than after a command's timeout.
            if (!connection.Multiplexer.IsConnected)
            {
                NoteRedisSilent("no connection");
            }
            else
            {
                try
                {
                    using var shared = await _shared.GetOrAdd(sender, SharedBucket).AcquireAsync(1, cancellationToken);
                    NoteRedisAnswers();
                    return shared.IsAcquired;
                }
                catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
                {
                    NoteRedisSilent(ex.Message);
                }
            }
        }

        using var local = await _local.GetOrAdd(sender, LocalBucket).AcquireAsync(1, cancellationToken);
        return local.IsAcquired;
    }

    /// <summary>Logs once when Redis stops answering, not once per segment sent meanwhile.</summary>
    private void NoteRedisSilent(string error)
    {
        if (Interlocked.Exchange(ref _redisSilent, 1) == 0)
        {
            logger.LogWarning("Redis does not answer ({Error}); each instance keeps the send rate by itself until it does.", error);
        }
    }

    private void NoteRedisAnswers()
    {
        if (Interlocked.Exchange(ref _redisSilent, 0) == 1)
        {
            logger.LogInformation("Redis answers again; the send rate is shared by all instances again.");
        }
    }

    public void Dispose()
    {
        foreach (var bucket in _shared.Values.Concat(_local.Values))
        {
            bucket.Dispose();
        }
    }

    private RedisTokenBucketRateLimiter<string> SharedBucket(string sender) => new(KeyPrefix + sender, new RedisTokenBucketRateLimiterOptions
    {
        ConnectionMultiplexerFactory = () => connection.Multiplexer,
        TokenLimit = 1,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = _period,
    });

    private TokenBucketRateLimiter LocalBucket(string sender) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 1,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = _period,
        QueueLimit = int.MaxValue,
        AutoReplenishment = true,
    });
}
