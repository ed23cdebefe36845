namespace Hotline.Api.TwilioDeletion;

/// <summary>
/// Deletes at Twilio what the hotline no longer needs there: each due row of <see cref="TwilioDeletions"/> is
/// claimed with a lease, so several instances can run it, and either removed (deleted, or already gone) or
/// tried again later with backoff. A message Twilio is still processing waits and is tried again; it is not
/// counted as a failure.
/// </summary>
public sealed class TwilioDeletionJob(
    Database database,
    TwilioDeletions deletions,
    TwilioDeleter deleter,
    HotlineMetrics metrics,
    IOptions<TwilioOptions> options,
    TimeProvider time,
    ILogger<TwilioDeletionJob> logger,
    Health.LoopWatch loops) : PeriodicJob(time, logger, loops)
{
    private const int BatchSize = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly TwilioOptions _options = options.Value;

    protected override bool Enabled => _options.DeletesAtTwilio;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(_options.Deletion.IntervalSeconds);

    protected override string PassName => "Deleting messages at Twilio";

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        while (await DeleteDueAsync(cancellationToken) == BatchSize)
        {
        }
    }

    /// <summary>One batch: finds what is due with a read, claims it in one write, then deletes each; the number claimed.</summary>
    public async Task<int> DeleteDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await database.ClaimDueAsync(deletions, BatchSize, Lease, cancellationToken);

        foreach (var deletion in claimed)
        {
            await AttemptAsync(deletion, cancellationToken);
        }

        return claimed.Count;
    }

    private async Task AttemptAsync(ClaimedDeletion deletion, CancellationToken cancellationToken)
    {
        var result = await deleter.DeleteAsync(deletion.MessageSid, cancellationToken);
        switch (result)
        {
            case DeletionResult.Done:
                metrics.TwilioDeletionDone();
                await database.WriteAsync((session, token) => deletions.CompleteAsync(session, deletion, token), cancellationToken);
                break;
            case DeletionResult.NotYet notYet:
                await RetryLaterAsync(deletion, notYet.Reason, cancellationToken);
                break;
            case DeletionResult.Failed failed:
                metrics.TwilioDeletionFailed(failed.Kind);
                logger.LogWarning("Deleting message {MessageSid} at Twilio failed on attempt {Attempt} ({Error}); it is tried again later.",
                    deletion.MessageSid, deletion.Attempt, failed.Error);
                await RetryLaterAsync(deletion, failed.Error, cancellationToken);
                break;
        }
    }

    private Task<bool> RetryLaterAsync(ClaimedDeletion deletion, string error, CancellationToken cancellationToken) =>
        database.WriteAsync((session, token) => deletions.RescheduleAsync(session, deletion, NextAttempt(deletion.Attempt), error, token),
            cancellationToken);

    /// <summary>Exponential backoff with jitter, capped, so a long outage at Twilio costs one call per message an hour.</summary>
    private DateTimeOffset NextAttempt(int attempt)
    {
        var ceiling = Math.Min(_options.Deletion.RetryMaxSeconds * 1000.0,
            _options.Deletion.RetryBaseMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        var delay = ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2;
        return Time.GetUtcNow() + TimeSpan.FromMilliseconds(delay);
    }
}
