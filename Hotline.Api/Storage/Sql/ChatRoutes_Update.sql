UPDATE ChatRoutes
SET ServiceUrl = @ServiceUrl,
    ChannelId = @ChannelId,
    BotConversationIdCipher = @BotConversationIdCipher,
    BotId = @BotId,
    BotName = @BotName,
    UserIdCipher = @UserIdCipher,
    UserNameCipher = @UserNameCipher,
    ReplyToIdCipher = @ReplyToIdCipher,
    Locale = @Locale,
    UpdatedAt = @UpdatedAt
WHERE ConversationId = @ConversationId;
