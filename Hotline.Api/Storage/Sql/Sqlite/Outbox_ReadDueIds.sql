-- Due: waiting for its attempt time, or left in Sending by a dispatcher whose lease ran out (it may
-- have crashed mid-send, so the claim marks the outcome unknown). Each kind is read in its own index's
-- order and cut to @Take before the two are merged: as one OR, SQLite sorted every due row to return a
-- few, and a backlog of thousands (a rate-limited sender) made that a scan at every pass.
-- The cut never falls inside a millisecond: one turn's replies are due in the same one, and a pass that
-- took the later reply alone would send it before the earlier one. So the rows waiting for the very time
-- the cut ended at come too (a few more than @Take at most), and the pass sends each person's in order.
-- Only a reply the claim would take can be due: none behind an unsent reply of the same person's that is being sent or
-- waits for a later attempt (Outbox_ClaimByIds says which and why). Left to the claim alone, the replies held up, the
-- oldest due, would fill every cut during an outage and keep the replies they wait for from ever being read.
WITH InTurn AS NOT MATERIALIZED (
    SELECT Id, Status, NextAttemptAt, LeaseExpiresAt
    FROM Outbox AS later
    WHERE NOT EXISTS (SELECT 1 FROM Outbox AS earlier JOIN Outbox AS behind ON behind.ConversationId = earlier.ConversationId
                      WHERE earlier.ConversationId = later.ConversationId
                        AND earlier.Status IN ('Pending', 'Sending') AND behind.Status IN ('Pending', 'Sending')
                        AND (earlier.Status = 'Sending' OR earlier.NextAttemptAt > behind.NextAttemptAt)
                        AND (SELECT Sequence FROM Messages WHERE Id = earlier.MessageId)
                            < (SELECT Sequence FROM Messages WHERE Id = behind.MessageId)
                        AND (SELECT Sequence FROM Messages WHERE Id = behind.MessageId)
                            <= (SELECT Sequence FROM Messages WHERE Id = later.MessageId))),
Cut AS (
    SELECT Id, NextAttemptAt
    FROM (
        SELECT Id, NextAttemptAt
        FROM (SELECT Id, NextAttemptAt FROM InTurn
              WHERE Status = 'Pending' AND NextAttemptAt <= @Now
              ORDER BY NextAttemptAt LIMIT @Take)
        UNION ALL
        SELECT Id, NextAttemptAt
        FROM (SELECT Id, NextAttemptAt FROM InTurn
              WHERE Status = 'Sending' AND LeaseExpiresAt <= @Now
              ORDER BY LeaseExpiresAt LIMIT @Take))
    ORDER BY NextAttemptAt
    LIMIT @Take)
SELECT Id
FROM (
    SELECT Id, NextAttemptAt FROM Cut
    UNION
    SELECT Id, NextAttemptAt FROM InTurn
    WHERE Status = 'Pending' AND NextAttemptAt = (SELECT MAX(NextAttemptAt) FROM Cut))
ORDER BY NextAttemptAt;
