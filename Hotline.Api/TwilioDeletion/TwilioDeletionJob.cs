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

    // Twilio answers each call in tens of milliseconds: one at a time, a batch of 50 took seconds. A few side by side keep
    // up with the arrivals without taking the cores the webhooks need (each call is mostly waiting).
    private const int ConcurrentDeletions = 4;
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

    /// <summary>
    /// One batch: finds what is due with a read and claims it in one write, deletes each at Twilio a few at a time, then
    /// records every outcome in one more write; the number claimed. One write per batch rather than one per message:
    /// at the rate messages arrive, a write per deletion doubled the writes the webhooks' messages wait behind.
    /// </summary>
    public async Task<int> DeleteDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await database.ClaimDueAsync(deletions, BatchSize, Lease, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var results = new DeletionResult[claimed.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentDeletions, CancellationToken = cancellationToken },
            async (index, token) => results[index] = await deleter.DeleteAsync(claimed[index].MessageSid, token));

        var outcomes = claimed.Zip(results).ToList();
        foreach (var (deletion, result) in outcomes)
        {
            Count(deletion, result);
        }

        await database.WriteAsync(async (session, token) =>
        {
            foreach (var (deletion, result) in outcomes)
            {
                await RecordAsync(session, deletion, result, token);
            }

            return true;
        }, cancellationToken);
        return claimed.Count;
    }

    private void Count(ClaimedDeletion deletion, DeletionResult result)
    {
        switch (result)
        {
            case DeletionResult.Done:
                metrics.TwilioDeletionDone();
                break;
            case DeletionResult.Failed failed:
                metrics.TwilioDeletionFailed(failed.Kind);
                logger.LogWarning("Deleting message {MessageSid} at Twilio failed on attempt {Attempt} ({Error}); it is tried again later.",
                    deletion.MessageSid, deletion.Attempt, failed.Error);
                break;
        }
    }

    /// <summary>Removes a deletion that is done, or sets it to be tried again later; a lease lost meanwhile leaves the row to its new holder.</summary>
    private Task<bool> RecordAsync(DbSession session, ClaimedDeletion deletion, DeletionResult result, CancellationToken cancellationToken) => result switch
    {
        DeletionResult.Done => deletions.CompleteAsync(session, deletion, cancellationToken),
        DeletionResult.NotYet notYet => deletions.RescheduleAsync(session, deletion, NextAttempt(deletion.Attempt), notYet.Reason, cancellationToken),
        DeletionResult.Failed failed => deletions.RescheduleAsync(session, deletion, NextAttempt(deletion.Attempt), failed.Error, cancellationToken),
        _ => throw new InvalidOperationException($"Unexpected deletion result {result}."),
    };

    /// <summary>Exponential backoff with jitter, capped, so a long outage at Twilio costs one call per message an hour.</summary>
    private DateTimeOffset NextAttempt(int attempt)
    {
        var ceiling = Math.Min(_options.Deletion.RetryMaxSeconds * 1000.0,
            _options.Deletion.RetryBaseMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        var delay = ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2;
        return Time.GetUtcNow() + TimeSpan.FromMilliseconds(delay);
    }
}
