namespace Hotline.Api.BotConnector;

/// <summary>
/// Remembers the activities without a message that were acted on (a welcome queued, a conversation made
/// quiet), so that a repeated delivery does nothing. Both calls run inside the caller's transaction, with
/// the action they guard.
/// </summary>
public sealed class ChatActivityLog(TimeProvider time)
{
    public async Task<bool> SeenAsync(DbSession session, string activityKey, CancellationToken cancellationToken) =>
        await session.QuerySingleAsync<long>("ChatActivities_ReadByHash", new { ActivityHash = activityKey }, cancellationToken) > 0;

    public Task RecordAsync(DbSession session, string activityKey, string type, CancellationToken cancellationToken) =>
        session.ExecuteAsync("ChatActivities_Create",
            new { ActivityHash = activityKey, Type = type, ReceivedAt = time.GetUtcNow() }, cancellationToken);

    /// <summary>
    /// Runs a chat transaction again when a concurrent request for the same person or activity committed
    /// first (a unique key refused the second, or the conversation changed under it); the next run sees its work.
    /// </summary>
    public static async Task<T> RetryOnRaceAsync<T>(Func<Task<T>> transaction)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await transaction();
            }
            catch (Exception ex) when (attempt < 3 && (ex is ConcurrencyConflictException || (ex is DbException db && DbErrors.IsUniqueViolation(db))))
            {
                // Another request won the race; run again against what it committed.
            }
        }
    }
}
