-- Due: waiting for its attempt time, or left in Sending by a dispatcher whose lease ran out (it may
-- have crashed mid-send, so the claim marks the outcome unknown). READPAST skips rows another
-- dispatcher is claiming right now.
SELECT TOP (@Take) Id
FROM dbo.Outbox WITH (READPAST)
WHERE (Status = N'Pending' AND NextAttemptAt <= @Now)
   OR (Status = N'Sending' AND LeaseExpiresAt <= @Now)
ORDER BY NextAttemptAt;
