-- Final: the file cannot be kept (its type, size or content), or every attempt failed. Reason says why. The single writer
-- makes the check that follows in the same commit (TwilioDeletions_CreateForFinishedMedia) see every item of the message
-- finished before it.
UPDATE MediaItems
SET Status = 'NotKept', Reason = @Reason, LeaseToken = NULL, LeaseExpiresAt = NULL
WHERE Id = @Id AND LeaseToken = @LeaseToken;
