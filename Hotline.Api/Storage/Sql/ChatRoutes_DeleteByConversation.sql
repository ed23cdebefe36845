DELETE FROM ChatRoutes
WHERE ConversationId = @ConversationId;
