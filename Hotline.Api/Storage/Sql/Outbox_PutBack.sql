-- A claimed reply that was not attempted, because an earlier reply of the same person's did not go: back to waiting as it
-- was, its attempt not counted (it would otherwise fail for the other reply's outage). The claim keeps it back until the
-- earlier reply has gone.
UPDATE Outbox
SET Status = 'Pending', Attempts = Attempts - 1, LeaseToken = NULL, LeaseExpiresAt = NULL
WHERE Id = @Id AND LeaseToken = @LeaseToken;
