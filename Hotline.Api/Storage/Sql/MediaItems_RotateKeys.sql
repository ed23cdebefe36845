-- keys rotate: compare-and-set on the values read, so a row the hotline changed meanwhile keeps the hotline's values.
UPDATE MediaItems
SET SourceCipher = @SourceCipher,
    EvidenceCipher = @EvidenceCipher
WHERE Id = @Id
  AND SourceCipher = @OldSourceCipher
  AND (EvidenceCipher = @OldEvidenceCipher OR (EvidenceCipher IS NULL AND @OldEvidenceCipher IS NULL));
