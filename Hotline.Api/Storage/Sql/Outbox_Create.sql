INSERT INTO Outbox (Id, MessageId, ConversationId, Channel, Status, NextAttemptAt, CreatedAt)
VALUES (@Id, @MessageId, @ConversationId, @Channel, 'Pending', @NextAttemptAt, @CreatedAt);
