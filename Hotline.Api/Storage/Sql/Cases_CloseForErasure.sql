-- A case whose person was erased cannot be answered: it closes with the outcome code 'erased'.
UPDATE Cases
SET Status = 'Closed', ClosedAt = @Now, Outcome = 'erased', LeaseToken = NULL, LeaseExpiresAt = NULL, Version = Version + 1
WHERE Id = @Id AND Status IN ('Queued', 'Claimed');
