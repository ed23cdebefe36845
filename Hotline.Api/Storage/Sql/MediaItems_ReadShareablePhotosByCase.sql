-- The photos a referral's consent to 'photos' can share: those kept with a stripped copy to show, from the person's
-- messages in the referred case received up to when consent was given (a photo sent later was not part of it). The
-- messages of the intake before the case opened carry no case: they are the case's when they are in its part of the
-- conversation, by the rule the case serves its photos by (MediaItems_ReadByIdInCase: after the close of every earlier
-- case, before this one opened), so a partner is never given a photo the case does not show. A photo sent with the first
-- messages, the usual way, was left out before.
-- Oldest first. Through the case's conversation, so the conversation index finds the items.
SELECT mi.Id, mi.MessageId, mi.ConversationId, mi.Position, mi.Channel, mi.SourceCipher, mi.Status, mi.Attempts, mi.LeaseToken, mi.Reason,
       mi.ContentType, mi.SizeBytes, mi.Sha256, mi.Width, mi.Height, mi.HasView, mi.EvidenceCipher, mi.StoredAt
FROM Cases AS c
JOIN MediaItems AS mi ON mi.ConversationId = c.ConversationId
JOIN Messages AS m ON m.Id = mi.MessageId
WHERE c.Id = @CaseId AND m.CreatedAt <= @GivenAt
  AND (m.CaseId = c.Id
       OR (m.CaseId IS NULL AND m.CreatedAt < c.OpenedAt
           AND NOT EXISTS (SELECT 1 FROM Cases AS earlier
                           WHERE earlier.ConversationId = c.ConversationId AND earlier.OpenedAt < c.OpenedAt
                             AND earlier.ClosedAt >= m.CreatedAt)))
  AND mi.Status IN ('Stored', 'Kept') AND mi.HasView = 1
ORDER BY m.CreatedAt, mi.Position;
