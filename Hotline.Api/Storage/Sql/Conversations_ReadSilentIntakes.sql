-- Conversations that went silent mid-intake within the look-back window: active, with engine state,
-- no open case, and a last message between @NotBefore and @SilentSince.
SELECT v.Id
FROM Conversations AS v
WHERE v.Status = 'Active'
  AND v.EngineStateCipher IS NOT NULL
  AND v.LastInboundAt <= @SilentSince
  AND v.LastInboundAt > @NotBefore
  AND NOT EXISTS (SELECT 1 FROM Cases AS c WHERE c.ConversationId = v.Id AND c.Status IN ('Queued', 'Claimed'));
