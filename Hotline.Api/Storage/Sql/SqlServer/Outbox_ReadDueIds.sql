-- Due: waiting for its attempt time, or left in Sending by a dispatcher whose lease ran out (it may
-- have crashed mid-send, so the claim marks the outcome unknown). Each kind is read in its own index's
-- order and cut to @Take before the two are merged, so a backlog of due rows is never sorted whole.
-- READPAST skips rows another dispatcher is claiming right now.
-- The cut never falls inside a millisecond (WITH TIES): one turn's replies are due in the same one, and a
-- pass that took the later reply alone would send it before the earlier one. So the rows waiting for the
-- very time the cut ended at come too (a few more than @Take at most), and the pass sends each person's in order.
-- Only a reply the claim would take can be due: none behind an unsent reply of the same person's that is being sent or
-- waits for a later attempt (Outbox_ClaimByIds says which and why). Left to the claim alone, the replies held up, the
-- oldest due, would fill every cut during an outage and keep the replies they wait for from ever being read.
WITH InTurn AS (
    SELECT later.Id, later.Status, later.NextAttemptAt, later.LeaseExpiresAt
    FROM dbo.Outbox AS later WITH (READPAST)
    WHERE NOT EXISTS (SELECT 1 FROM dbo.Outbox AS earlier JOIN dbo.Outbox AS behind ON behind.ConversationId = earlier.ConversationId
                      WHERE earlier.ConversationId = later.ConversationId
                        AND earlier.Status IN (N'Pending', N'Sending') AND behind.Status IN (N'Pending', N'Sending')
                        AND (earlier.Status = N'Sending' OR earlier.NextAttemptAt > behind.NextAttemptAt)
                        AND (SELECT Sequence FROM dbo.Messages WHERE Id = earlier.MessageId)
                            < (SELECT Sequence FROM dbo.Messages WHERE Id = behind.MessageId)
                        AND (SELECT Sequence FROM dbo.Messages WHERE Id = behind.MessageId)
                            <= (SELECT Sequence FROM dbo.Messages WHERE Id = later.MessageId)))
SELECT TOP (@Take) WITH TIES Id
FROM (
    SELECT Id, NextAttemptAt
    FROM (SELECT TOP (@Take) WITH TIES Id, NextAttemptAt FROM InTurn
          WHERE Status = N'Pending' AND NextAttemptAt <= @Now
          ORDER BY NextAttemptAt) AS pending
    UNION ALL
    SELECT Id, NextAttemptAt
    FROM (SELECT TOP (@Take) Id, NextAttemptAt FROM InTurn
          WHERE Status = N'Sending' AND LeaseExpiresAt <= @Now
          ORDER BY LeaseExpiresAt) AS expired
) AS due
ORDER BY NextAttemptAt;
