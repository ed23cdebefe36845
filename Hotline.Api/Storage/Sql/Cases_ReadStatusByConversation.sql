SELECT Id, Status
FROM Cases
WHERE ConversationId = @ConversationId;
