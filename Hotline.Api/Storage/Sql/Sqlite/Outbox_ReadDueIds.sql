-- Due: waiting for its attempt time, or left in Sending by a dispatcher whose lease ran out (it may
-- have crashed mid-send, so the claim marks the outcome unknown). Each kind is read in its own index's
-- order and cut to @Take before the two are merged: as one OR, SQLite sorted every due row to return a
-- few, and a backlog of thousands (a rate-limited sender) made that a scan at every pass.
-- The cut never splits a person's due replies: one turn's replies are due in the same millisecond, and a
-- pass that took the later one alone would send it before the earlier one. So every due row of the people
-- the cut reached comes too (a few more than @Take at most), and the pass sends each person's in order.
-- Those are read along each person's rows (INDEXED BY: by cost alone SQLite took the due and lease
-- indexes again, which reads every due row of a backlog).
WITH Cut AS (
    SELECT Id, NextAttemptAt
    FROM (
        SELECT Id, NextAttemptAt
        FROM (SELECT Id, NextAttemptAt FROM Outbox
              WHERE Status = 'Pending' AND NextAttemptAt <= @Now
              ORDER BY NextAttemptAt LIMIT @Take)
        UNION ALL
        SELECT Id, NextAttemptAt
        FROM (SELECT Id, NextAttemptAt FROM Outbox
              WHERE Status = 'Sending' AND LeaseExpiresAt <= @Now
              ORDER BY LeaseExpiresAt LIMIT @Take))
    ORDER BY NextAttemptAt
    LIMIT @Take)
SELECT person.Id
FROM Outbox AS person INDEXED BY IX_Outbox_Conversation
WHERE person.ConversationId IN (SELECT o.ConversationId FROM Cut JOIN Outbox AS o ON o.Id = Cut.Id)
  AND ((person.Status = 'Pending' AND person.NextAttemptAt <= @Now) OR (person.Status = 'Sending' AND person.LeaseExpiresAt <= @Now))
ORDER BY person.NextAttemptAt, person.CreatedAt;
