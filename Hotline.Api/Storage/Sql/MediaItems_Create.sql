INSERT INTO MediaItems (Id, MessageId, ConversationId, Position, Channel, SourceCipher, Status, NextAttemptAt, CreatedAt)
VALUES (@Id, @MessageId, @ConversationId, @Position, @Channel, @SourceCipher, 'Pending', @NextAttemptAt, @CreatedAt);
