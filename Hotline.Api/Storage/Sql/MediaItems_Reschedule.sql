-- A failure that can pass (the network, a provider's 5xx): the item waits for its next attempt.
UPDATE MediaItems
SET NextAttemptAt = @NextAttemptAt, Reason = @Reason, LeaseToken = NULL, LeaseExpiresAt = NULL
WHERE Id = @Id AND LeaseToken = @LeaseToken;
