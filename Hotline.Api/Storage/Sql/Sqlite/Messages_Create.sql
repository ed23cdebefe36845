-- The next number of the conversation: SQLite has one writer at a time, so nobody else reads the same maximum.
INSERT INTO Messages (Id, ConversationId, CaseId, Direction, Channel, ChannelMessageId, BodyCipher, MediaCipher,
                      Segments, AuthorUserId, DeliveryStatus, CreatedAt, Sequence)
SELECT @Id, @ConversationId, @CaseId, @Direction, @Channel, @ChannelMessageId, @BodyCipher, @MediaCipher,
       @Segments, @AuthorUserId, @DeliveryStatus, @CreatedAt, COALESCE(MAX(Sequence), 0) + 1
FROM Messages
WHERE ConversationId = @ConversationId;
