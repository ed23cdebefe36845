-- The language of a conversation a reply failed to for good (@Unknown before it is known), when nobody would know of it:
-- active (quiet and opted-out conversations are sent nothing), not erased, and without a queued or claimed case. No row otherwise.
SELECT COALESCE(v.Language, @Unknown)
FROM Conversations AS v
WHERE v.Id = @Id AND v.Status = 'Active' AND v.IdentityErasedAt IS NULL
  AND NOT EXISTS (SELECT 1 FROM Cases AS c WHERE c.ConversationId = v.Id AND c.Status IN ('Queued', 'Claimed'));
