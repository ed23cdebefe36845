SELECT ConversationId
FROM Outbox
WHERE MessageId = @MessageId;
