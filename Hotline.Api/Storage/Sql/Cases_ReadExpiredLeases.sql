SELECT Id
FROM Cases
WHERE Status = 'Claimed' AND LeaseExpiresAt <= @Now;
