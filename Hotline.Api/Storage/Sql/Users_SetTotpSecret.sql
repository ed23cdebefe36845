-- Enrolment happens once: an account that already has a secret keeps it.
UPDATE Users
SET TotpSecret = @TotpSecret, TotpLastStep = @Step
WHERE Id = @Id AND TotpSecret IS NULL;
