UPDATE Outbox
SET Status = 'Pending', NextAttemptAt = @NextAttemptAt, OutcomeUnknown = @OutcomeUnknown, LastError = @LastError,
    LeaseToken = NULL, LeaseExpiresAt = NULL
WHERE Id = @Id AND LeaseToken = @LeaseToken;
