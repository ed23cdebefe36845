-- Found outside WhatsApp's window at send time (or refused by WhatsApp with 63016): nothing reached the phone.
UPDATE Outbox
SET Status = 'Held', LeaseToken = NULL, LeaseExpiresAt = NULL, OutcomeUnknown = 0, LastError = @LastError
WHERE Id = @Id AND LeaseToken = @LeaseToken;
