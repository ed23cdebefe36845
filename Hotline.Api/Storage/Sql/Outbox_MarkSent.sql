UPDATE Outbox
SET Status = 'Sent', ProviderMessageId = @ProviderMessageId, LeaseToken = NULL, LeaseExpiresAt = NULL,
    OutcomeUnknown = 0, LastError = NULL
WHERE Id = @Id AND LeaseToken = @LeaseToken;
