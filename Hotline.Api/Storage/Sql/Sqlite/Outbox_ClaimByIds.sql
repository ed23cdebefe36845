-- The whole pass in one statement, under one lease token. Filtered again on being due: another dispatcher
-- may have claimed a row since it was read; what it claimed is left out of what comes back.
-- The rows are found by their ids (the unary + keeps Status from choosing an index): by cost alone SQLite
-- read them along the due and lease indexes, every due row of a backlog, while holding the writer.
UPDATE Outbox
SET OutcomeUnknown = CASE WHEN Status = 'Sending' THEN 1 ELSE OutcomeUnknown END,
    Status = 'Sending', LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt, Attempts = Attempts + 1
WHERE Id IN (SELECT value FROM json_each(@Ids))
  AND ((+Status = 'Pending' AND NextAttemptAt <= @Now) OR (+Status = 'Sending' AND LeaseExpiresAt <= @Now))
RETURNING Id, MessageId, ConversationId, Channel, Status, Attempts, NextAttemptAt, LeaseToken, LeaseExpiresAt,
          OutcomeUnknown, ProviderMessageId, LastError, SendWhileQuietAtVersion, CreatedAt, TraceParent, Reengagement;
