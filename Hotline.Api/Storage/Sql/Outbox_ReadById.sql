SELECT Id, MessageId, ConversationId, Channel, Status, Attempts, NextAttemptAt, LeaseToken, LeaseExpiresAt,
       OutcomeUnknown, ProviderMessageId, LastError, SendWhileQuietAtVersion, CreatedAt, TraceParent, Reengagement
FROM Outbox
WHERE Id = @Id;
