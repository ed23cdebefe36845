-- A supervisor takes over a case a caseworker holds (she went home, or is busy elsewhere): the claim moves to the supervisor
-- with a new lease token, so the previous holder's token no longer renews, replies, releases or closes anything. Filtered on
-- the holder read before it: a case released, transferred or taken by someone else meanwhile is left as it is.
UPDATE Cases
SET AssigneeId = @SupervisorId, LeaseToken = @NewLeaseToken, LeaseExpiresAt = @LeaseExpiresAt, Version = Version + 1
WHERE Id = @Id AND Status = 'Claimed' AND AssigneeId = @FromUserId;
