namespace Hotline.Api.Media;

/// <summary>
/// Removes the media store's files whose item has no row any more. The rows are the truth: retention and erasure delete
/// them in their commit and the encrypted files after it, so a process that stops in between, or a fetch that writes its
/// file while the item is being erased, leaves files that no row names; this finds them. A conversation's files are listed
/// before its rows are read: an item's row is made before its file, so a file listed without a row is one whose row was
/// deleted, never one still on its way.
/// </summary>
public sealed class StrandedMediaFiles(Database database, MediaItemRepository items, MediaStore store)
{
    /// <summary>A conversation's: what retention, erasure and the media job call once rows are gone. The number of items whose files went.</summary>
    public async Task<int> RemoveAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var onDisk = store.ListItems(conversationId);
        if (onDisk.Count == 0)
        {
            return 0;
        }

        IReadOnlySet<Guid> withRows;
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            withRows = await items.ReadIdsAsync(session, conversationId, cancellationToken);
        }

        var stranded = onDisk.Except(withRows).ToHashSet();
        if (stranded.Count > 0)
        {
            store.Delete(conversationId, stranded);
        }

        return stranded.Count;
    }

    /// <summary>Every conversation's, at each retention pass: what an erasure or a sweep stopped half way left behind.</summary>
    public async Task<int> RemoveEverywhereAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var conversationId in store.ListConversations().ToList())
        {
            removed += await RemoveAsync(conversationId, cancellationToken);
        }

        return removed;
    }
}
