-- The whole pass in one statement, under one lease token. Filtered again on being due: another dispatcher
-- may have claimed a row since it was read; what it claimed is left out of what comes back.
UPDATE Outbox
SET OutcomeUnknown = CASE WHEN Status = 'Sending' THEN 1 ELSE OutcomeUnknown END,
    Status = 'Sending', LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt, Attempts = Attempts + 1
WHERE Id IN (SELECT value FROM json_each(@Ids))
  AND ((Status = 'Pending' AND NextAttemptAt <= @Now) OR (Status = 'Sending' AND LeaseExpiresAt <= @Now))
RETURNING Id, MessageId, ConversationId, Channel, Status, Attempts, NextAttemptAt, LeaseToken, LeaseExpiresAt,
          OutcomeUnknown, ProviderMessageId, LastError, SendWhileQuietAtVersion, CreatedAt, TraceParent, Reengagement;
