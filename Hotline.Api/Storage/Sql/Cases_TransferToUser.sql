-- The colleague receives the claim itself (a new lease token, which only they can read back); if they
-- never open the case, the lease runs out and the case returns to the queue.
UPDATE Cases
SET AssigneeId = @ToUserId, LeaseToken = @NewLeaseToken, LeaseExpiresAt = @LeaseExpiresAt, Version = Version + 1
WHERE Id = @Id AND Status = 'Claimed' AND LeaseToken = @LeaseToken AND LeaseExpiresAt > @Now;
