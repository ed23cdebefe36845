UPDATE MediaItems
SET Status = 'Kept', Reason = NULL, LeaseToken = NULL, LeaseExpiresAt = NULL
WHERE Id = @Id AND LeaseToken = @LeaseToken;
