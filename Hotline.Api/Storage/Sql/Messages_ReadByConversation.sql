-- Sequence is the order the messages were stored in; CreatedAt ties within a millisecond.
SELECT Id, ConversationId, CaseId, Direction, Channel, ChannelMessageId, BodyCipher, MediaCipher, Segments,
       AuthorUserId, DeliveryStatus, DeliveryError, CreatedAt, SentAt, DeliveredAt, Sequence
FROM Messages
WHERE ConversationId = @ConversationId
ORDER BY Sequence;
