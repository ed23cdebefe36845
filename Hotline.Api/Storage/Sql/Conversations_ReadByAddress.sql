SELECT Id, Channel, AddressCipher, Language, EngineStateCipher, Status, StatusReason, CreatedAt, LastInboundAt, Version, TranslationVersion
FROM Conversations
WHERE Channel = @Channel AND AddressHash = @AddressHash;
