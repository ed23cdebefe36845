-- A photo or file as a case serves it: one of the case's own messages', or one sent outside any case in the case's part of
-- the person's conversation (after the close of every earlier case, before this one opened), which the case's transcript
-- shows with it. Never another case's, which the caller may not be allowed to read, nor one sent outside any case in another
-- case's part.
SELECT mi.Id, mi.MessageId, mi.ConversationId, mi.Position, mi.Channel, mi.SourceCipher, mi.Status, mi.Attempts, mi.LeaseToken, mi.Reason,
       mi.ContentType, mi.SizeBytes, mi.Sha256, mi.Width, mi.Height, mi.HasView, mi.EvidenceCipher, mi.StoredAt
FROM Cases AS c
JOIN MediaItems AS mi ON mi.ConversationId = c.ConversationId
JOIN Messages AS m ON m.Id = mi.MessageId
WHERE c.Id = @CaseId AND mi.Id = @Id
  AND (m.CaseId = c.Id
       OR (m.CaseId IS NULL AND m.CreatedAt < c.OpenedAt
           AND NOT EXISTS (SELECT 1 FROM Cases AS earlier
                           WHERE earlier.ConversationId = c.ConversationId AND earlier.OpenedAt < c.OpenedAt
                             AND earlier.ClosedAt >= m.CreatedAt)));
