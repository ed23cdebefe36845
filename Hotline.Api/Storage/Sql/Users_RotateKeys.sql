-- keys rotate: compare-and-set on the values read, so a row the hotline changed meanwhile keeps the hotline's values.
UPDATE Users
SET TotpSecret = @TotpSecret
WHERE Id = @Id
  AND (TotpSecret = @OldTotpSecret OR (TotpSecret IS NULL AND @OldTotpSecret IS NULL));
