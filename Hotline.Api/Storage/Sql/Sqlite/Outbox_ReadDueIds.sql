-- Due: waiting for its attempt time, or left in Sending by a dispatcher whose lease ran out (it may
-- have crashed mid-send, so the claim marks the outcome unknown).
SELECT Id
FROM Outbox
WHERE (Status = 'Pending' AND NextAttemptAt <= @Now)
   OR (Status = 'Sending' AND LeaseExpiresAt <= @Now)
ORDER BY NextAttemptAt
LIMIT @Take;
