-- Due: waiting for its attempt (to fetch, or to delete the provider's copy) and not held by a live lease. One ordered
-- read per status, merged: with Status IN (...) SQLite reads every due item of a backlog and sorts them all for @Take.
SELECT Id
FROM (SELECT Id, NextAttemptAt FROM MediaItems
      WHERE Status = 'Pending' AND NextAttemptAt <= @Now AND (LeaseExpiresAt IS NULL OR LeaseExpiresAt <= @Now)
      UNION ALL
      SELECT Id, NextAttemptAt FROM MediaItems
      WHERE Status = 'Stored' AND NextAttemptAt <= @Now AND (LeaseExpiresAt IS NULL OR LeaseExpiresAt <= @Now)
      ORDER BY NextAttemptAt
      LIMIT @Take);
