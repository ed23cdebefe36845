INSERT INTO Conversations (Id, Channel, AddressHash, AddressCipher, Language, EngineStateCipher, Status, CreatedAt, LastInboundAt)
VALUES (@Id, @Channel, @AddressHash, @AddressCipher, @Language, @EngineStateCipher, @Status, @CreatedAt, @LastInboundAt);
