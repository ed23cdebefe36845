-- A batch of messages by id in one statement (@Ids: a JSON array), for a pass of the outbox.
SELECT Id, ConversationId, CaseId, Direction, Channel, ChannelMessageId, BodyCipher, MediaCipher, Segments,
       AuthorUserId, DeliveryStatus, DeliveryError, CreatedAt, SentAt, DeliveredAt, Sequence
FROM dbo.Messages
WHERE Id IN (SELECT ids.Id FROM OPENJSON(@Ids) WITH (Id UNIQUEIDENTIFIER '$') AS ids);
