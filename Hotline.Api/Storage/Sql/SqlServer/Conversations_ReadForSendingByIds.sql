-- A batch of conversations by id in one statement (@Ids: a JSON array), with what sending needs: the
-- address and whether the person may be written to, without the intake's state, which sending never reads.
SELECT Id, Channel, AddressCipher, Status, StatusReason, CreatedAt, LastInboundAt, Version, QuietSinceVersion
FROM dbo.Conversations
WHERE Id IN (SELECT ids.Id FROM OPENJSON(@Ids) WITH (Id UNIQUEIDENTIFIER '$') AS ids);
