-- The language of a conversation a reply failed to for good (@Unknown before it is known), when nobody would know of it:
-- active (quiet and opted-out conversations are sent nothing), not erased, without a queued or claimed case, and with a
-- message of the person that no case holds (they wrote, and nobody read it). A chat's welcome to someone who has not written
-- opens nothing: there is nothing to read, and a caseworker must not write first. No row otherwise.
SELECT COALESCE(v.Language, @Unknown)
FROM Conversations AS v
WHERE v.Id = @Id AND v.Status = 'Active' AND v.IdentityErasedAt IS NULL
  AND NOT EXISTS (SELECT 1 FROM Cases AS c WHERE c.ConversationId = v.Id AND c.Status IN ('Queued', 'Claimed'))
  AND EXISTS (SELECT 1 FROM Messages AS m WHERE m.ConversationId = v.Id AND m.Direction = 'Inbound' AND m.CaseId IS NULL);
