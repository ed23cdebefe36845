INSERT INTO Outbox (Id, MessageId, ConversationId, Channel, Status, NextAttemptAt, SendWhileQuietAtVersion, CreatedAt)
VALUES (@Id, @MessageId, @ConversationId, @Channel, 'Pending', @NextAttemptAt, @SendWhileQuietAtVersion, @CreatedAt);
