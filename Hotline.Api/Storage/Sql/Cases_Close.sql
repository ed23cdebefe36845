UPDATE Cases
SET Status = 'Closed', ClosedAt = @Now, Outcome = @Outcome, LeaseToken = NULL, LeaseExpiresAt = NULL,
    Version = Version + 1
WHERE Id = @Id AND Status = 'Claimed' AND LeaseToken = @LeaseToken AND LeaseExpiresAt > @Now;
