SELECT Id
FROM Cases
WHERE Status = 'Claimed' AND AssigneeId = @UserId;
