SELECT ConversationId, ServiceUrl, ChannelId, BotConversationIdCipher, BotId, BotName, UserIdCipher, UserNameCipher,
       ReplyToIdCipher, Locale, UpdatedAt
FROM ChatRoutes
WHERE ConversationId = @ConversationId;
