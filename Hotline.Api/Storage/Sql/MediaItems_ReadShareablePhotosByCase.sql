-- The photos a referral's consent to 'photos' can share: those kept with a stripped copy to show, from the messages of the
-- referred case's part of the person's conversation (CaseMessages, the rule the case serves its photos by: a partner is
-- never given a photo the case does not show) received up to when consent was given (a photo sent later was not part of it).
-- The intake's messages before the case opened carry no case and are in its part: a photo sent with the first messages, the
-- usual way, is shared.
-- Oldest first. Through the case's conversation, so the conversation index finds the items.
SELECT mi.Id, mi.MessageId, mi.ConversationId, mi.Position, mi.Channel, mi.SourceCipher, mi.Status, mi.Attempts, mi.LeaseToken, mi.Reason,
       mi.ContentType, mi.SizeBytes, mi.Sha256, mi.Width, mi.Height, mi.HasView, mi.EvidenceCipher, mi.StoredAt
FROM CaseMessages AS cm
JOIN MediaItems AS mi ON mi.ConversationId = cm.ConversationId AND mi.MessageId = cm.MessageId
WHERE cm.CaseId = @CaseId AND cm.CreatedAt <= @GivenAt
  AND mi.Status IN ('Stored', 'Kept') AND mi.HasView = 1
ORDER BY cm.CreatedAt, mi.Position;
