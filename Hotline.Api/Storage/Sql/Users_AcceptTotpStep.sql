-- A code is good once: only a time step later than the last one accepted counts.
UPDATE Users
SET TotpLastStep = @Step
WHERE Id = @Id AND TotpSecret IS NOT NULL AND (TotpLastStep IS NULL OR TotpLastStep < @Step);
