namespace Hotline.Api.Storage.Sqlite;

/// <summary>
/// Group commit for SQLite's single writer. Concurrent callers' writes are queued; one drainer at a time
/// runs a group of them in a single transaction, each under its own savepoint so that a failing write
/// rolls back alone, and commits once: one fsync for the group instead of one per write. No caller hears
/// that its write succeeded before the group's commit has: acknowledged still means durable.
/// </summary>
internal sealed class GroupCommit(Func<CancellationToken, Task<DbSession>> beginWrite)
{
    // Bounds how long the other writers (the outbox, caseworkers' actions) wait behind one group.
    private const int MaxGroup = 64;
    private const string Savepoint = "group_member";

    private readonly ConcurrentQueue<IQueuedWrite> _queue = new();
    private int _draining;

    public Task<T> RunAsync<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = new QueuedWrite<T>(work, cancellationToken);
        _queue.Enqueue(write);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            // The drainer serves every caller: it must not carry the first caller's context (its trace, its scope).
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(DrainAsync, CancellationToken.None);
            }
        }

        return write.Completion;
    }

    private async Task DrainAsync()
    {
        do
        {
            while (!_queue.IsEmpty)
            {
                await CommitGroupAsync();
            }

            Volatile.Write(ref _draining, 0);

            // A write queued after the last look but before the flag dropped found a drainer still running:
            // this one serves it, unless a new drainer has already started.
        }
        while (!_queue.IsEmpty && Interlocked.CompareExchange(ref _draining, 1, 0) == 0);
    }

    /// <summary>
    /// Takes the writer first and the group second, so that everything queued while the writer was busy
    /// joins this group. The writer is let go as soon as the group has committed; the group's writes are
    /// answered once the commit is durable, while the next group is already running.
    /// </summary>
    private async Task CommitGroupAsync()
    {
        var group = new List<IQueuedWrite>();
        var written = new List<IQueuedWrite>();
        Func<Task> madeDurable;
        try
        {
            await using var session = await beginWrite(CancellationToken.None);
            while (group.Count < MaxGroup && _queue.TryDequeue(out var write))
            {
                group.Add(write);
                if (await TryWriteAsync(session, write))
                {
                    written.Add(write);
                }
            }

            madeDurable = await session.CommitVisibleAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The transaction is lost (the disk, the connection) or never began: nothing in the group was committed.
            FailAll(group.Count > 0 ? group : TakeAll(), ex);
            return;
        }

        _ = AnswerWhenDurableAsync(madeDurable, written);
    }

    private static async Task AnswerWhenDurableAsync(Func<Task> madeDurable, List<IQueuedWrite> written)
    {
        try
        {
            await madeDurable();
        }
        catch (Exception ex)
        {
            // Committed but not known to be on disk: nobody is told it was written.
            FailAll(written, ex);
            return;
        }

        foreach (var write in written)
        {
            write.Succeed();
        }
    }

    private static void FailAll(List<IQueuedWrite> writes, Exception exception)
    {
        foreach (var write in writes)
        {
            write.Fail(exception);
        }
    }

    /// <summary>When no transaction can begin, the queued writes fail at once rather than wait for one that may never come.</summary>
    private List<IQueuedWrite> TakeAll()
    {
        var all = new List<IQueuedWrite>();
        while (_queue.TryDequeue(out var write))
        {
            all.Add(write);
        }

        return all;
    }

    /// <summary>
    /// Runs one write under a savepoint. Its own failure rolls back to the savepoint and fails only it; a
    /// failure to roll back means the transaction itself is gone, and is thrown to fail the group.
    /// </summary>
    private static async Task<bool> TryWriteAsync(DbSession session, IQueuedWrite write)
    {
        if (write.CancellationToken.IsCancellationRequested)
        {
            write.Fail(new OperationCanceledException(write.CancellationToken));
            return false;
        }

        var afterCommitMark = session.AfterCommitCount;
        await session.SaveAsync(Savepoint);
        try
        {
            await write.RunAsync(session);
            await session.ReleaseAsync(Savepoint);
            return true;
        }
        catch (Exception ex)
        {
            write.Fail(ex);
            await session.RollbackToAsync(Savepoint);
            await session.ReleaseAsync(Savepoint);
            session.ForgetAfterCommitFrom(afterCommitMark);
            return false;
        }
    }

    private interface IQueuedWrite
    {
        CancellationToken CancellationToken { get; }

        Task RunAsync(DbSession session);

        void Succeed();

        void Fail(Exception exception);
    }

    private sealed class QueuedWrite<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken) : IQueuedWrite
    {
        // Callers continue on their own threads, never inside the drainer while it holds the writer.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Completion => _completion.Task;

        public CancellationToken CancellationToken => cancellationToken;

        public async Task RunAsync(DbSession session) => _result = await work(session, cancellationToken);

        public void Succeed() => _completion.TrySetResult(_result);

        public void Fail(Exception exception)
        {
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(cancellationToken);
            }
            else
            {
                _completion.TrySetException(exception);
            }
        }
    }
}
