-- keys rotate: compare-and-set on the values read, so a row the hotline changed meanwhile keeps the hotline's values.
UPDATE CaseNotes
SET BodyCipher = @BodyCipher
WHERE Id = @Id
  AND BodyCipher = @OldBodyCipher;
