UPDATE Conversations
SET Language = @Language,
    EngineStateCipher = @EngineStateCipher,
    Status = @Status,
    StatusReason = @StatusReason,
    LastInboundAt = @LastInboundAt,
    TranslationVersion = @TranslationVersion,
    SafetyQuestionMessageId = @SafetyQuestionMessageId,
    Version = Version + 1
WHERE Id = @Id AND Version = @Version;
