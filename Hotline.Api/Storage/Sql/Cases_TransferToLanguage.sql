-- Back in the queue for caseworkers of another language, keeping its place (its original queue time).
UPDATE Cases
SET Language = @Language, Status = 'Queued', AssigneeId = NULL, LeaseToken = NULL, LeaseExpiresAt = NULL, Version = Version + 1
WHERE Id = @Id AND Status = 'Claimed' AND LeaseToken = @LeaseToken AND LeaseExpiresAt > @Now;
