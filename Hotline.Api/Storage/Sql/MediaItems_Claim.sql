-- Filtered again on being due: another instance may have claimed the row since it was read.
UPDATE MediaItems
SET LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt, Attempts = Attempts + 1
WHERE Id = @Id
  AND Status IN ('Pending', 'Stored') AND NextAttemptAt <= @Now AND (LeaseExpiresAt IS NULL OR LeaseExpiresAt <= @Now);
