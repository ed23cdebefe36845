-- The address, its lookup hash and the intake's state go; the row stays (channel, language, dates) for the
-- cases that point at it. @AddressHash is a placeholder unique to the row, so the person writing again
-- starts a new conversation. The version moves so a turn that read the row before cannot write it back.
UPDATE Conversations
SET AddressHash = @AddressHash, AddressCipher = '', EngineStateCipher = NULL, IdentityErasedAt = @Now, Version = Version + 1
WHERE Id = @Id AND IdentityErasedAt IS NULL;
