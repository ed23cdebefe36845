-- Failed (gave up, or refused for good) and Cancelled (the person opted out or went quiet) are final.
UPDATE Outbox
SET Status = @Status, LastError = @LastError, LeaseToken = NULL, LeaseExpiresAt = NULL
WHERE Id = @Id AND LeaseToken = @LeaseToken;
