-- A photo or file as a case serves it: one of a message in the case's part of the person's conversation (CaseMessages: its
-- own messages, and the intake that led to it), which the case's transcript shows with it. Never another case's, which the
-- caller may not be allowed to read, nor one sent outside any case in another case's part.
SELECT mi.Id, mi.MessageId, mi.ConversationId, mi.Position, mi.Channel, mi.SourceCipher, mi.Status, mi.Attempts, mi.LeaseToken, mi.Reason,
       mi.ContentType, mi.SizeBytes, mi.Sha256, mi.Width, mi.Height, mi.HasView, mi.EvidenceCipher, mi.StoredAt
FROM MediaItems AS mi
JOIN CaseMessages AS cm ON cm.MessageId = mi.MessageId
WHERE mi.Id = @Id AND cm.CaseId = @CaseId;
