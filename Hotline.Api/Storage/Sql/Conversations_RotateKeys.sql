-- keys rotate: compare-and-set on the values read, so a row the hotline changed meanwhile keeps the hotline's values.
UPDATE Conversations
SET AddressCipher = @AddressCipher,
    EngineStateCipher = @EngineStateCipher
WHERE Id = @Id
  AND AddressCipher = @OldAddressCipher
  AND (EngineStateCipher = @OldEngineStateCipher OR (EngineStateCipher IS NULL AND @OldEngineStateCipher IS NULL));
