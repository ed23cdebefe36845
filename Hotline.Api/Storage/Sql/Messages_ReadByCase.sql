-- A case's transcript: the messages of its part of the person's conversation (CaseMessages), in the order they were stored.
SELECT m.Id, m.ConversationId, m.CaseId, m.Direction, m.Channel, m.ChannelMessageId, m.BodyCipher, m.MediaCipher, m.Segments,
       m.AuthorUserId, m.DeliveryStatus, m.DeliveryError, m.CreatedAt, m.SentAt, m.DeliveredAt, m.Sequence
FROM CaseMessages AS cm
JOIN Messages AS m ON m.Id = cm.MessageId
WHERE cm.CaseId = @CaseId
ORDER BY cm.Sequence;
