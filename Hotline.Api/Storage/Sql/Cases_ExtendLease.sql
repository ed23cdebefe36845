UPDATE Cases
SET LeaseExpiresAt = @LeaseExpiresAt, Version = Version + 1
WHERE Id = @Id AND Status = 'Claimed' AND LeaseToken = @LeaseToken AND LeaseExpiresAt > @Now;
