-- Due: waiting for its attempt (to fetch, or to delete the provider's copy) and not held by a live lease.
-- READPAST skips rows another instance is claiming right now.
SELECT TOP (@Take) Id
FROM dbo.MediaItems WITH (READPAST)
WHERE Status IN (N'Pending', N'Stored') AND NextAttemptAt <= @Now AND (LeaseExpiresAt IS NULL OR LeaseExpiresAt <= @Now)
ORDER BY NextAttemptAt;
