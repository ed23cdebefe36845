-- The whole pass in one statement, under one lease token. Filtered again on being due: another dispatcher
-- may have claimed a row since it was read; what it claimed is left out of what comes back.
-- The rows are found by their ids (the unary + keeps Status from choosing an index): by cost alone SQLite
-- read them along the due and lease indexes, every due row of a backlog, while holding the writer.
-- A person reads their replies in the order they were written, so a reply is claimed only with every unsent reply before
-- it, or after them: not while one of them is being sent (by another dispatcher, which may send it after this one sent the
-- later), nor while one of them is due later than a reply behind it (it waits for a later attempt, and the cut or this
-- claim could take the replies behind it without it). Asked of every pair up to this reply, not only of the replies
-- before it: a reply put back behind one that waits keeps its earlier time, and a reply after both must wait for both.
-- A person's first unsent reply is never held up, so each person's replies always move. The single writer makes every
-- claim see the claims before it.
UPDATE Outbox AS later
SET OutcomeUnknown = CASE WHEN Status = 'Sending' THEN 1 ELSE OutcomeUnknown END,
    Status = 'Sending', LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt, Attempts = Attempts + 1
WHERE Id IN (SELECT value FROM json_each(@Ids))
  AND ((+Status = 'Pending' AND NextAttemptAt <= @Now) OR (+Status = 'Sending' AND LeaseExpiresAt <= @Now))
  AND NOT EXISTS (SELECT 1 FROM Outbox AS earlier JOIN Outbox AS behind ON behind.ConversationId = earlier.ConversationId
                  WHERE earlier.ConversationId = later.ConversationId
                    AND earlier.Status IN ('Pending', 'Sending') AND behind.Status IN ('Pending', 'Sending')
                    AND (earlier.Status = 'Sending' OR earlier.NextAttemptAt > behind.NextAttemptAt)
                    AND (SELECT Sequence FROM Messages WHERE Id = earlier.MessageId)
                        < (SELECT Sequence FROM Messages WHERE Id = behind.MessageId)
                    AND (SELECT Sequence FROM Messages WHERE Id = behind.MessageId)
                        <= (SELECT Sequence FROM Messages WHERE Id = later.MessageId))
RETURNING Id, MessageId, ConversationId, Channel, Status, Attempts, NextAttemptAt, LeaseToken, LeaseExpiresAt,
          OutcomeUnknown, ProviderMessageId, LastError, SendWhileQuietAtVersion, CreatedAt, TraceParent, Reengagement;
