-- Conversations whose last message came at or before @Before, with no open case and nothing left to send.
SELECT v.Id
FROM Conversations AS v
WHERE v.IdentityErasedAt IS NULL AND v.LastInboundAt <= @Before
  AND NOT EXISTS (SELECT 1 FROM Cases AS c WHERE c.ConversationId = v.Id AND c.Status IN ('Queued', 'Claimed'))
  AND NOT EXISTS (SELECT 1 FROM Outbox AS o WHERE o.ConversationId = v.Id AND o.Status IN ('Pending', 'Sending'))
ORDER BY v.LastInboundAt
LIMIT @Take;
