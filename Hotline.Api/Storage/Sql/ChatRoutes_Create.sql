INSERT INTO ChatRoutes (ConversationId, ServiceUrl, ChannelId, BotConversationIdCipher, BotId, BotName, UserIdCipher, UserNameCipher,
                        ReplyToIdCipher, Locale, UpdatedAt)
VALUES (@ConversationId, @ServiceUrl, @ChannelId, @BotConversationIdCipher, @BotId, @BotName, @UserIdCipher, @UserNameCipher,
        @ReplyToIdCipher, @Locale, @UpdatedAt);
