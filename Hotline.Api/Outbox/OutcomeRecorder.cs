namespace Hotline.Api.Outbox;

/// <summary>
/// Records one dispatch pass's outcomes as they come, in as few writes as they allow: one write at a time, and the
/// outcomes that arrive while it is at the database go together in the next. When sends are quick, the outcomes of
/// a pass arrive nearly at once, so a pass of twenty replies takes two or three writes rather than twenty, each of
/// which would have had its own turn at the writer, savepoint and hand-back. A shared write that fails is retried
/// one outcome at a time, so that an outcome that cannot be recorded holds up only itself and fails only its attempt.
/// Nothing is written before <see cref="StartWriting"/>: the outcomes the pass knows at once (no send was needed, or the
/// sender answered without waiting) then go in its first write together.
/// </summary>
internal sealed class OutcomeRecorder(OutboxOutcomes outcomes, CancellationToken cancellationToken)
{
    private readonly Lock _gate = new();
    private List<Waiting> _waiting = [];
    private bool _writing = true;

    /// <summary>Whether the outcome was recorded (false: the attempt's lease was lost); throws what its write threw.</summary>
    public Task<bool> RecordAsync(OutboxOutcome outcome)
    {
        var waiting = new Waiting(outcome, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool startWriting;
        lock (_gate)
        {
            _waiting.Add(waiting);
            startWriting = !_writing;
            _writing = true;
        }

        if (startWriting)
        {
            _ = WriteWhileWaitingAsync();
        }

        return waiting.Recorded.Task;
    }

    /// <summary>Writes what has gathered since the recorder was made, and from then on each outcome as it comes.</summary>
    public void StartWriting()
    {
        _ = WriteWhileWaitingAsync();
    }

    private async Task WriteWhileWaitingAsync()
    {
        while (true)
        {
            List<Waiting> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                batch = _waiting;
                _waiting = [];
            }

            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<Waiting> batch)
    {
        try
        {
            var recorded = await outcomes.RecordAsync(batch.ConvertAll(w => w.Outcome), cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Recorded.TrySetResult(recorded[i]);
            }
        }
        catch (Exception) when (batch.Count > 1 && !cancellationToken.IsCancellationRequested)
        {
            // Each outcome alone: the one that broke the shared write fails its own attempt, and the others are recorded.
            foreach (var waiting in batch)
            {
                await WriteAsync([waiting]);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            batch.ForEach(w => w.Recorded.TrySetCanceled(cancellationToken));
        }
        catch (Exception ex)
        {
            // A batch of one, unless the pass is being stopped: only the attempts written together hear of it.
            batch.ForEach(w => w.Recorded.TrySetException(ex));
        }
    }

    private sealed record Waiting(OutboxOutcome Outcome, TaskCompletionSource<bool> Recorded);
}
