-- The whole pass in one statement, under one lease token. Filtered again on being due: another dispatcher
-- may have claimed a row since it was read; UPDLOCK keeps two claims from taking the same row, ROWLOCK keeps the
-- locks to the rows.
-- A person reads their replies in the order they were written, so a reply is claimed only with every unsent reply before
-- it, or after them: not while one of them is being sent (by another dispatcher, which may send it after this one sent the
-- later), nor while one of them is due later than a reply behind it (it waits for a later attempt, and the cut or this
-- claim could take the replies behind it without it). Asked of every pair up to this reply, not only of the replies
-- before it: a reply put back behind one that waits keeps its earlier time, and a reply after both must wait for both.
-- A person's first unsent reply is never held up, so each person's replies always move.
-- Claims take turns (the application lock, held to the commit), so that each sees what the claims before it took: under
-- read committed snapshot, a claim at the same moment that was taking the earlier reply would still read it as waiting.
-- For the same reason no row is skipped (no READPAST): a skipped earlier reply would still read as waiting, and the reply
-- behind it would be claimed alone. The lock waits as long as the statement may; a refusal fails the claim.
DECLARE @Turn INT;
EXEC @Turn = sp_getapplock @Resource = N'hotline:outbox-claim', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = -1;
IF @Turn < 0
    THROW 51000, N'The outbox claim did not get its turn (sp_getapplock).', 1;
UPDATE dbo.Outbox WITH (ROWLOCK, UPDLOCK)
SET OutcomeUnknown = CASE WHEN Status = N'Sending' THEN 1 ELSE OutcomeUnknown END,
    Status = N'Sending', LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt, Attempts = Attempts + 1
OUTPUT inserted.Id, inserted.MessageId, inserted.ConversationId, inserted.Channel, inserted.Status, inserted.Attempts,
       inserted.NextAttemptAt, inserted.LeaseToken, inserted.LeaseExpiresAt, inserted.OutcomeUnknown, inserted.ProviderMessageId,
       inserted.LastError, inserted.SendWhileQuietAtVersion, inserted.CreatedAt, inserted.TraceParent, inserted.Reengagement
WHERE Id IN (SELECT ids.Id FROM OPENJSON(@Ids) WITH (Id UNIQUEIDENTIFIER '$') AS ids)
  AND ((Status = N'Pending' AND NextAttemptAt <= @Now) OR (Status = N'Sending' AND LeaseExpiresAt <= @Now))
  AND NOT EXISTS (SELECT 1 FROM dbo.Outbox AS earlier JOIN dbo.Outbox AS behind ON behind.ConversationId = earlier.ConversationId
                  WHERE earlier.ConversationId = Outbox.ConversationId
                    AND earlier.Status IN (N'Pending', N'Sending') AND behind.Status IN (N'Pending', N'Sending')
                    AND (earlier.Status = N'Sending' OR earlier.NextAttemptAt > behind.NextAttemptAt)
                    AND (SELECT Sequence FROM dbo.Messages WHERE Id = earlier.MessageId)
                        < (SELECT Sequence FROM dbo.Messages WHERE Id = behind.MessageId)
                    AND (SELECT Sequence FROM dbo.Messages WHERE Id = behind.MessageId)
                        <= (SELECT Sequence FROM dbo.Messages WHERE Id = Outbox.MessageId));
