INSERT INTO Outbox (Id, MessageId, ConversationId, Channel, Status, NextAttemptAt, SendWhileQuietAtVersion, CreatedAt, TraceParent)
VALUES (@Id, @MessageId, @ConversationId, @Channel, 'Pending', @NextAttemptAt, @SendWhileQuietAtVersion, @CreatedAt, @TraceParent);
