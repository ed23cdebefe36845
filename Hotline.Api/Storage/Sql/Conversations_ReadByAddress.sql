SELECT Id, Channel, AddressCipher, Language, EngineStateCipher, Status, StatusReason, CreatedAt, LastInboundAt, Version
FROM Conversations
WHERE Channel = @Channel AND AddressHash = @AddressHash;
