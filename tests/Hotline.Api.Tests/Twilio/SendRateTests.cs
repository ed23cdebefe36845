using Hotline.Api.Redis;

namespace Hotline.Api.Tests.Twilio;

/// <summary>
/// The send rate of a sending number is shared by every API instance through Redis: two <see cref="SendRate"/>s
/// on one real redis-server stand for two instances.
/// </summary>
public sealed class SendRateTests
{
    private const string Number = "+15005550006";
    private const string OtherNumber = "+15005550007";

    // One segment every ten minutes: no bucket refills while a test runs.
    private const double OneSegmentPerTenMinutes = 1.0 / 600;

    [Fact]
    public async Task A_number_s_turn_taken_on_one_instance_is_not_given_to_another()
    {
        await using var redis = await RedisServer.StartAsync();
        using var first = Instance(redis, OneSegmentPerTenMinutes);
        using var second = Instance(redis, OneSegmentPerTenMinutes);

        Assert.True(await first.TryTakeTurnAsync(Number, Ct));
        Assert.False(await second.TryTakeTurnAsync(Number, Ct));
    }

    [Fact]
    public async Task Each_sending_number_has_its_own_turns()
    {
        await using var redis = await RedisServer.StartAsync();
        using var first = Instance(redis, OneSegmentPerTenMinutes);
        using var second = Instance(redis, OneSegmentPerTenMinutes);

        Assert.True(await first.TryTakeTurnAsync(Number, Ct));
        Assert.True(await second.TryTakeTurnAsync(OtherNumber, Ct));
    }

    [Fact]
    public async Task An_instance_waiting_for_a_turn_gets_it_when_the_shared_bucket_refills()
    {
        await using var redis = await RedisServer.StartAsync();
        using var first = Instance(redis, segmentsPerSecond: 20);
        using var second = Instance(redis, segmentsPerSecond: 20);
        Assert.True(await first.TryTakeTurnAsync(Number, Ct));

        var waiting = second.WaitForTurnAsync(Number, segments: 1, Ct).AsTask();

        // Far beyond the 50 ms refill period: a bucket that never refills fails here instead of hanging.
        await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task While_redis_does_not_answer_an_instance_keeps_the_rate_by_itself()
    {
        var redis = await RedisServer.StartAsync();
        using var instance = Instance(redis, OneSegmentPerTenMinutes);
        Assert.True(await instance.TryTakeTurnAsync(Number, Ct));
        await redis.DisposeAsync();

        Assert.True(await instance.TryTakeTurnAsync(OtherNumber, Ct));
    }

    [Fact]
    public async Task Redis_not_answering_is_logged_once_however_many_sends_meet_it()
    {
        var redis = await RedisServer.StartAsync();
        var logger = new FakeLogger<SendRate>();
        using var instance = Instance(redis, OneSegmentPerTenMinutes, logger);
        Assert.True(await instance.TryTakeTurnAsync(Number, Ct));
        await redis.DisposeAsync();

        foreach (var sender in new[] { OtherNumber, "+15005550008", "+15005550009" })
        {
            await instance.TryTakeTurnAsync(sender, Ct);
        }

        Assert.Single(logger.Collector.GetSnapshot(), record => record.Level == LogLevel.Warning);
    }

    private static SendRate Instance(RedisServer redis, double segmentsPerSecond, ILogger<SendRate>? logger = null) => new(
        Options.Create(new TwilioOptions { SegmentsPerSecond = segmentsPerSecond }),
        Options.Create(new RedisOptions { ConnectionString = redis.ConnectionString }),
        new RedisConnection(redis.ConnectionString),
        TimeProvider.System,
        logger ?? NullLogger<SendRate>.Instance);
}
