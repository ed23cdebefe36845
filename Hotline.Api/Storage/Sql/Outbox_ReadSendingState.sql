-- Just before each send, the dispatcher's last check: whether this attempt still holds the row (no row: another
-- dispatcher claimed it, or the person was erased and the row with them), and whether the person may still be written to.
SELECT c.Status, c.StatusReason, c.Version, c.QuietSinceVersion, c.SilencedThroughSequence
FROM Outbox o
JOIN Conversations c ON c.Id = o.ConversationId
WHERE o.Id = @Id AND o.LeaseToken = @LeaseToken AND o.Status = 'Sending';
