-- Whether a consent to 'photos' given at @GivenAt has a photo to share: the photos MediaItems_ReadShareablePhotosByCase gives
-- for it, and the attachments of the same messages still being fetched, which it gives once they are kept as photos.
SELECT COUNT(*)
FROM Cases AS c
JOIN MediaItems AS mi ON mi.ConversationId = c.ConversationId
JOIN Messages AS m ON m.Id = mi.MessageId
WHERE c.Id = @CaseId AND m.CreatedAt <= @GivenAt
  AND (m.CaseId = c.Id
       OR (m.CaseId IS NULL AND m.CreatedAt < c.OpenedAt
           AND NOT EXISTS (SELECT 1 FROM Cases AS earlier
                           WHERE earlier.ConversationId = c.ConversationId AND earlier.OpenedAt < c.OpenedAt
                             AND earlier.ClosedAt >= m.CreatedAt)))
  AND (mi.Status = 'Pending' OR (mi.Status IN ('Stored', 'Kept') AND mi.HasView = 1));
