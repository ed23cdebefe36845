namespace Hotline.Api.Media;

/// <summary>
/// Removes the media store's files whose item has no row any more. The rows are the truth: retention and erasure delete
/// them in their commit and the encrypted files after it, so a process that stops in between, or a fetch that writes its
/// file while the item is being erased, leaves files that no row names; this finds them. Files are listed before the rows
/// are read: an item's row is made before its file, so a file listed without a row is one whose row was deleted, never one
/// still on its way.
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

        return Remove(conversationId, onDisk, withRows);
    }

    /// <summary>
    /// Every conversation's, at each retention pass: what an erasure or a sweep stopped half way left behind. The whole store
    /// is listed first and the rows are read once for it, not once per folder: a pass runs whether or not anything was left.
    /// </summary>
    public async Task<int> RemoveEverywhereAsync(CancellationToken cancellationToken)
    {
        var onDisk = store.ListConversations().Select(conversationId => (ConversationId: conversationId, Items: store.ListItems(conversationId)))
            .Where(folder => folder.Items.Count > 0).ToList();
        if (onDisk.Count == 0)
        {
            return 0;
        }

        IReadOnlySet<Guid> withRows;
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            withRows = await items.ReadAllIdsAsync(session, cancellationToken);
        }

        return onDisk.Sum(folder => Remove(folder.ConversationId, folder.Items, withRows));
    }

    /// <summary>Deletes the files of the items listed on disk that have no row; the number of such items.</summary>
    private int Remove(Guid conversationId, IReadOnlySet<Guid> onDisk, IReadOnlySet<Guid> withRows)
    {
        var stranded = onDisk.Except(withRows).ToHashSet();
        if (stranded.Count > 0)
        {
            store.Delete(conversationId, stranded);
        }

        return stranded.Count;
    }
}
