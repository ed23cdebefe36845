-- keys rotate: compare-and-set on the values read, so a row the hotline changed meanwhile keeps the hotline's values.
UPDATE Messages
SET BodyCipher = @BodyCipher,
    MediaCipher = @MediaCipher
WHERE Id = @Id
  AND BodyCipher = @OldBodyCipher
  AND (MediaCipher = @OldMediaCipher OR (MediaCipher IS NULL AND @OldMediaCipher IS NULL));
