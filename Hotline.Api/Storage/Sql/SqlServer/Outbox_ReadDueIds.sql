-- Due: waiting for its attempt time, or left in Sending by a dispatcher whose lease ran out (it may
-- have crashed mid-send, so the claim marks the outcome unknown). Each kind is read in its own index's
-- order and cut to @Take before the two are merged, so a backlog of due rows is never sorted whole.
-- READPAST skips rows another dispatcher is claiming right now.
-- The cut never splits a person's due replies: one turn's replies are due in the same millisecond, and a
-- pass that took the later one alone would send it before the earlier one. So every due row of the people
-- the cut reached comes too (a few more than @Take at most), and the pass sends each person's in order.
WITH Cut AS (
    SELECT TOP (@Take) Id
    FROM (
        SELECT Id, NextAttemptAt
        FROM (SELECT TOP (@Take) Id, NextAttemptAt FROM dbo.Outbox WITH (READPAST)
              WHERE Status = N'Pending' AND NextAttemptAt <= @Now
              ORDER BY NextAttemptAt) AS pending
        UNION ALL
        SELECT Id, NextAttemptAt
        FROM (SELECT TOP (@Take) Id, NextAttemptAt FROM dbo.Outbox WITH (READPAST)
              WHERE Status = N'Sending' AND LeaseExpiresAt <= @Now
              ORDER BY LeaseExpiresAt) AS expired
    ) AS due
    ORDER BY NextAttemptAt)
SELECT person.Id
FROM dbo.Outbox AS person WITH (READPAST)
WHERE person.ConversationId IN (SELECT o.ConversationId FROM Cut JOIN dbo.Outbox AS o ON o.Id = Cut.Id)
  AND ((person.Status = N'Pending' AND person.NextAttemptAt <= @Now) OR (person.Status = N'Sending' AND person.LeaseExpiresAt <= @Now))
ORDER BY person.NextAttemptAt, person.CreatedAt;
