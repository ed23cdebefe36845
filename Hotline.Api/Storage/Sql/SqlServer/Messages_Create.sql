-- The next number of the conversation. UPDLOCK and HOLDLOCK lock the conversation's last key until commit,
-- so a caseworker's reply and an inbound message stored at once cannot read the same maximum.
INSERT INTO dbo.Messages (Id, ConversationId, CaseId, Direction, Channel, ChannelMessageId, BodyCipher, MediaCipher,
                          Segments, AuthorUserId, DeliveryStatus, CreatedAt, Sequence)
SELECT @Id, @ConversationId, @CaseId, @Direction, @Channel, @ChannelMessageId, @BodyCipher, @MediaCipher,
       @Segments, @AuthorUserId, @DeliveryStatus, @CreatedAt, ISNULL(MAX(Sequence), 0) + 1
FROM dbo.Messages WITH (UPDLOCK, HOLDLOCK)
WHERE ConversationId = @ConversationId;
