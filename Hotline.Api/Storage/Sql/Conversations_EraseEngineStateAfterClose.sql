-- The intake's state of a conversation belongs to its last case while nothing was written after it closed
-- and no case is open: then it goes with that case's content.
UPDATE Conversations
SET EngineStateCipher = NULL, Version = Version + 1
WHERE Id = @ConversationId AND EngineStateCipher IS NOT NULL AND LastInboundAt <= @ClosedAt
  AND NOT EXISTS (SELECT 1 FROM Cases WHERE Cases.ConversationId = @ConversationId AND Cases.Status IN ('Queued', 'Claimed'));
