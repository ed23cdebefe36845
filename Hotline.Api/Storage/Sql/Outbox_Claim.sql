-- Filtered again on being due: another dispatcher may have claimed the row since it was read.
UPDATE Outbox
SET OutcomeUnknown = CASE WHEN Status = 'Sending' THEN 1 ELSE OutcomeUnknown END,
    Status = 'Sending', LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt, Attempts = Attempts + 1
WHERE Id = @Id
  AND ((Status = 'Pending' AND NextAttemptAt <= @Now) OR (Status = 'Sending' AND LeaseExpiresAt <= @Now));
