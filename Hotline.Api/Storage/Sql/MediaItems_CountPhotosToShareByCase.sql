-- Whether a consent to 'photos' given at @GivenAt has a photo to share: the photos MediaItems_ReadShareablePhotosByCase gives
-- for it, and the attachments of the same messages still being fetched, which it gives once they are kept as photos.
SELECT COUNT(*)
FROM CaseMessages AS cm
JOIN MediaItems AS mi ON mi.ConversationId = cm.ConversationId AND mi.MessageId = cm.MessageId
WHERE cm.CaseId = @CaseId AND cm.CreatedAt <= @GivenAt
  AND (mi.Status = 'Pending' OR (mi.Status IN ('Stored', 'Kept') AND mi.HasView = 1));
