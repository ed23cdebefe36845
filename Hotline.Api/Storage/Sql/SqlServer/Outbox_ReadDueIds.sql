-- Due: waiting for its attempt time, or left in Sending by a dispatcher whose lease ran out (it may
-- have crashed mid-send, so the claim marks the outcome unknown). Each kind is read in its own index's
-- order and cut to @Take before the two are merged, so a backlog of due rows is never sorted whole.
-- READPAST skips rows another dispatcher is claiming right now.
-- The cut never falls inside a millisecond (WITH TIES): one turn's replies are due in the same one, and a
-- pass that took the later reply alone would send it before the earlier one. So the rows waiting for the
-- very time the cut ended at come too (a few more than @Take at most), and the pass sends each person's in order.
SELECT TOP (@Take) WITH TIES Id
FROM (
    SELECT Id, NextAttemptAt
    FROM (SELECT TOP (@Take) WITH TIES Id, NextAttemptAt FROM dbo.Outbox WITH (READPAST)
          WHERE Status = N'Pending' AND NextAttemptAt <= @Now
          ORDER BY NextAttemptAt) AS pending
    UNION ALL
    SELECT Id, NextAttemptAt
    FROM (SELECT TOP (@Take) Id, NextAttemptAt FROM dbo.Outbox WITH (READPAST)
          WHERE Status = N'Sending' AND LeaseExpiresAt <= @Now
          ORDER BY LeaseExpiresAt) AS expired
) AS due
ORDER BY NextAttemptAt;
