-- QuietSinceVersion: the version at which the present quiet spell began, kept while the conversation stays quiet (the
-- person writing again while it waits until it is safe) and set anew only when it becomes quiet from active or opted out;
-- the last words of the spell are sent by it (Outbox/OutboxDispatchJob.MaySend). The right-hand sides read the row as it
-- was before this update.
UPDATE Conversations
SET Language = @Language,
    EngineStateCipher = @EngineStateCipher,
    Status = @Status,
    StatusReason = @StatusReason,
    LastInboundAt = @LastInboundAt,
    TranslationVersion = @TranslationVersion,
    SafetyQuestionMessageId = @SafetyQuestionMessageId,
    EarlierSafetyQuestionMessageId = @EarlierSafetyQuestionMessageId,
    QuietSinceVersion = CASE WHEN @Status <> 'Quiet' THEN NULL
                             WHEN Status = 'Quiet' AND QuietSinceVersion IS NOT NULL THEN QuietSinceVersion
                             ELSE Version + 1 END,
    Version = Version + 1
WHERE Id = @Id AND Version = @Version;
