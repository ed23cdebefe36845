-- Due: waiting for its attempt (to fetch, or to delete the provider's copy) and not held by a live lease.
SELECT Id
FROM MediaItems
WHERE Status IN ('Pending', 'Stored') AND NextAttemptAt <= @Now AND (LeaseExpiresAt IS NULL OR LeaseExpiresAt <= @Now)
ORDER BY NextAttemptAt
LIMIT @Take;
