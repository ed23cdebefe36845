-- Whether a consent to 'photos' given at @GivenAt has a photo to share: the photos MediaItems_ReadShareablePhotosByCase gives
-- for it, and the attachments of the same messages still being fetched, which it gives once they are kept as photos.
SELECT COUNT(*)
FROM Cases AS c
JOIN MediaItems AS mi ON mi.ConversationId = c.ConversationId
JOIN Messages AS m ON m.Id = mi.MessageId
WHERE c.Id = @CaseId AND m.CaseId = @CaseId AND m.CreatedAt <= @GivenAt
  AND (mi.Status = 'Pending' OR (mi.Status IN ('Stored', 'Kept') AND mi.HasView = 1));
