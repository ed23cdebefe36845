-- Final: the file cannot be kept (its type, size or content), or every attempt failed. Reason says why.
UPDATE MediaItems
SET Status = 'NotKept', Reason = @Reason, LeaseToken = NULL, LeaseExpiresAt = NULL
WHERE Id = @Id AND LeaseToken = @LeaseToken;
