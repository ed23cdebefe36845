SELECT Id, Channel, AddressCipher, Language, EngineStateCipher, Status, StatusReason, CreatedAt, LastInboundAt, Version, TranslationVersion,
       SafetyQuestionMessageId, EarlierSafetyQuestionMessageId, QuietSinceVersion
FROM Conversations
WHERE Channel = @Channel AND AddressHash = @AddressHash;
