-- The whole pass in one statement, under one lease token. Filtered again on being due: another dispatcher
-- may have claimed a row since it was read; READPAST skips a row another claim holds right now, UPDLOCK
-- keeps two claims from taking the same row, ROWLOCK keeps the locks to the rows.
-- A person reads their replies in the order they were written, so a reply is not claimed while an earlier one of the
-- same conversation is being sent (by another dispatcher, which may send it after this one sent the later) or waits
-- for a later attempt. An earlier reply due no later than this one is not in the way: it is due whenever this one is,
-- and the pass that takes both sends them in order. Claims take turns (the application lock, held to the commit), so
-- that each sees what the claims before it took: under read committed snapshot, a claim at the same moment that was
-- taking the earlier reply would still read it as waiting.
EXEC sp_getapplock @Resource = N'hotline:outbox-claim', @LockMode = N'Exclusive', @LockOwner = N'Transaction';
UPDATE dbo.Outbox WITH (ROWLOCK, READPAST, UPDLOCK)
SET OutcomeUnknown = CASE WHEN Status = N'Sending' THEN 1 ELSE OutcomeUnknown END,
    Status = N'Sending', LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt, Attempts = Attempts + 1
OUTPUT inserted.Id, inserted.MessageId, inserted.ConversationId, inserted.Channel, inserted.Status, inserted.Attempts,
       inserted.NextAttemptAt, inserted.LeaseToken, inserted.LeaseExpiresAt, inserted.OutcomeUnknown, inserted.ProviderMessageId,
       inserted.LastError, inserted.SendWhileQuietAtVersion, inserted.CreatedAt, inserted.TraceParent, inserted.Reengagement
WHERE Id IN (SELECT ids.Id FROM OPENJSON(@Ids) WITH (Id UNIQUEIDENTIFIER '$') AS ids)
  AND ((Status = N'Pending' AND NextAttemptAt <= @Now) OR (Status = N'Sending' AND LeaseExpiresAt <= @Now))
  AND NOT EXISTS (SELECT 1 FROM dbo.Outbox AS earlier
                  WHERE earlier.ConversationId = Outbox.ConversationId AND earlier.Status IN (N'Pending', N'Sending')
                    AND (earlier.Status = N'Sending' OR earlier.NextAttemptAt > Outbox.NextAttemptAt)
                    AND (SELECT Sequence FROM dbo.Messages WHERE Id = earlier.MessageId)
                        < (SELECT Sequence FROM dbo.Messages WHERE Id = Outbox.MessageId));
