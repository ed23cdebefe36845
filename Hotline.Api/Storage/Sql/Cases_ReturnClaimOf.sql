-- Filtered again on the assignee: a case released or taken over since it was read is left as it is.
UPDATE Cases
SET Status = 'Queued', AssigneeId = NULL, LeaseToken = NULL, LeaseExpiresAt = NULL, Version = Version + 1
WHERE Id = @Id AND Status = 'Claimed' AND AssigneeId = @UserId;
