INSERT INTO Messages (Id, ConversationId, CaseId, Direction, Channel, ChannelMessageId, BodyCipher, MediaCipher,
                      Segments, AuthorUserId, DeliveryStatus, CreatedAt)
VALUES (@Id, @ConversationId, @CaseId, @Direction, @Channel, @ChannelMessageId, @BodyCipher, @MediaCipher,
        @Segments, @AuthorUserId, @DeliveryStatus, @CreatedAt);
