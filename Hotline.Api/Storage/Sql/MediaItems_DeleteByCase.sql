-- A case's photos and files as the content of the case goes: the link, the hash, and what the file said of itself
-- (capture time, GPS position, device). The encrypted files go once this has committed. The case's messages are
-- those it holds and those that led to it, as in Messages_EraseContentOfCase (a photo sent before the intake opened
-- the case holds none).
DELETE FROM MediaItems
WHERE MessageId IN (SELECT Id FROM Messages WHERE CaseId = @CaseId
                    UNION ALL
                    SELECT Id FROM Messages WHERE ConversationId = @ConversationId AND CaseId IS NULL AND CreatedAt <= @ClosedAt);
