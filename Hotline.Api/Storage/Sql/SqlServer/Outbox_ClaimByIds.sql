-- The whole pass in one statement, under one lease token. Filtered again on being due: another dispatcher
-- may have claimed a row since it was read; READPAST skips a row another claim holds right now, UPDLOCK
-- keeps two claims from taking the same row, ROWLOCK keeps the locks to the rows.
UPDATE dbo.Outbox WITH (ROWLOCK, READPAST, UPDLOCK)
SET OutcomeUnknown = CASE WHEN Status = N'Sending' THEN 1 ELSE OutcomeUnknown END,
    Status = N'Sending', LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt, Attempts = Attempts + 1
OUTPUT inserted.Id, inserted.MessageId, inserted.ConversationId, inserted.Channel, inserted.Status, inserted.Attempts,
       inserted.NextAttemptAt, inserted.LeaseToken, inserted.LeaseExpiresAt, inserted.OutcomeUnknown, inserted.ProviderMessageId,
       inserted.LastError, inserted.SendWhileQuietAtVersion, inserted.CreatedAt, inserted.TraceParent, inserted.Reengagement
WHERE Id IN (SELECT ids.Id FROM OPENJSON(@Ids) WITH (Id UNIQUEIDENTIFIER '$') AS ids)
  AND ((Status = N'Pending' AND NextAttemptAt <= @Now) OR (Status = N'Sending' AND LeaseExpiresAt <= @Now));
