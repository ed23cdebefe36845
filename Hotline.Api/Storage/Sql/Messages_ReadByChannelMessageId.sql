SELECT Id, ConversationId, CaseId, Direction, Channel, ChannelMessageId, BodyCipher, MediaCipher, Segments,
       AuthorUserId, DeliveryStatus, DeliveryError, CreatedAt, SentAt, DeliveredAt, Sequence
FROM Messages
WHERE Channel = @Channel AND ChannelMessageId = @ChannelMessageId;
