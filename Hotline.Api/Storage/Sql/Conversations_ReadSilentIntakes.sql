-- Conversations that went silent mid-intake within the look-back window: active, or quiet only because the person closed
-- the chat (@ChatClosedReason: the host's quiet, which the engine never heard of, so its intake still asks), with engine
-- state, a last message between @NotBefore and @SilentSince, and either no open case or an open case whose intake still asks.
-- Erasure takes the engine state with the identity, so "not erased" excludes nothing more; it lets the window be
-- read from the filtered index on LastInboundAt rather than from every conversation ever held, at every tick.
SELECT v.Id
FROM Conversations AS v
WHERE (v.Status = 'Active' OR (v.Status = 'Quiet' AND v.StatusReason = @ChatClosedReason))
  AND v.EngineStateCipher IS NOT NULL
  AND v.IdentityErasedAt IS NULL
  AND v.LastInboundAt <= @SilentSince
  AND v.LastInboundAt > @NotBefore
  AND NOT EXISTS (SELECT 1 FROM Cases AS c
                  WHERE c.ConversationId = v.Id AND c.Status IN ('Queued', 'Claimed') AND c.IntakeQuestion IS NULL);
