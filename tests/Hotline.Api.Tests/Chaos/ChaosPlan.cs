namespace Hotline.Api.Tests.Chaos;

/// <summary>
/// What a chaos run does: how many inbound messages over how long, how often a process is killed, how long
/// Redis is down, how many consoles watch, and what share of Twilio calls fail. The seed picks the failures.
/// </summary>
/// <param name="TwilioTimeout">How long the hotline waits for Twilio (<c>Twilio:RequestTimeoutSeconds</c>); a late answer comes after it.</param>
/// <param name="SettleWithin">How long, after the last message, the hotline has to send every reply and find every message a webhook lost.</param>
public sealed record ChaosPlan(
    int Messages,
    TimeSpan Duration,
    TimeSpan KillEvery,
    TimeSpan RedisDownAt,
    TimeSpan RedisDownFor,
    int Consoles,
    double TwilioCreateFailureShare,
    double TwilioListFailureShare,
    TimeSpan TwilioTimeout,
    TimeSpan SettleWithin,
    int Seed)
{
    public const int Processes = 3;

    /// <summary>How long the sender waits for a webhook's answer, as Twilio does before it gives up (and does not retry).</summary>
    public static readonly TimeSpan WebhookTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The run: 12,000 messages over two minutes, Redis down for 30 s, Twilio failing one call in ten.</summary>
    public static ChaosPlan Full(int seed) => new(
        Messages: 12_000, Duration: TimeSpan.FromMinutes(2), KillEvery: TimeSpan.FromSeconds(10),
        RedisDownAt: TimeSpan.FromSeconds(30), RedisDownFor: TimeSpan.FromSeconds(30), Consoles: 20,
        TwilioCreateFailureShare: 0.1, TwilioListFailureShare: 0.1, TwilioTimeout: TimeSpan.FromSeconds(15),
        SettleWithin: TimeSpan.FromMinutes(4), seed);

    /// <summary>The test suite's run: the same faults, smaller and shorter.</summary>
    public static ChaosPlan Small(int seed) => new(
        Messages: 400, Duration: TimeSpan.FromSeconds(25), KillEvery: TimeSpan.FromSeconds(10),
        RedisDownAt: TimeSpan.FromSeconds(5), RedisDownFor: TimeSpan.FromSeconds(8), Consoles: 20,
        TwilioCreateFailureShare: 0.15, TwilioListFailureShare: 0.1, TwilioTimeout: TimeSpan.FromSeconds(2),
        SettleWithin: TimeSpan.FromSeconds(60), seed);
}
