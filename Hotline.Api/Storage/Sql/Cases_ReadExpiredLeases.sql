-- The claims that ran out, with whose they were: the holder's consoles are told the case left her (LeaseExpired's FromUserId).
SELECT Id, AssigneeId
FROM Cases
WHERE Status = 'Claimed' AND LeaseExpiresAt <= @Now;
