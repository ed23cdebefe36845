-- keys rotate: compare-and-set on the values read, so a row the hotline changed meanwhile keeps the hotline's values.
UPDATE Referrals
SET SummaryCipher = @SummaryCipher,
    OutcomeNoteCipher = @OutcomeNoteCipher,
    RegionCipher = @RegionCipher
WHERE Id = @Id
  AND (SummaryCipher = @OldSummaryCipher OR (SummaryCipher IS NULL AND @OldSummaryCipher IS NULL))
  AND (OutcomeNoteCipher = @OldOutcomeNoteCipher OR (OutcomeNoteCipher IS NULL AND @OldOutcomeNoteCipher IS NULL))
  AND (RegionCipher = @OldRegionCipher OR (RegionCipher IS NULL AND @OldRegionCipher IS NULL));
