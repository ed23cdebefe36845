UPDATE Cases
SET Status = 'Queued', AssigneeId = NULL, LeaseToken = NULL, LeaseExpiresAt = NULL, Version = Version + 1
WHERE Id = @Id AND Status = 'Claimed' AND LeaseToken = @LeaseToken AND LeaseExpiresAt > @Now;
