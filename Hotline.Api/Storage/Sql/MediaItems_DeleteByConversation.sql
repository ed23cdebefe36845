DELETE FROM MediaItems
WHERE ConversationId = @ConversationId;
