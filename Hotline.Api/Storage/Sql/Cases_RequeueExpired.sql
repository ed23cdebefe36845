-- Filtered again on expiry: a lease extended since it was read is not taken away.
UPDATE Cases
SET Status = 'Queued', AssigneeId = NULL, LeaseToken = NULL, LeaseExpiresAt = NULL, Version = Version + 1
WHERE Id = @Id AND Status = 'Claimed' AND LeaseExpiresAt <= @Now;
