-- Conversations whose last message came at or before @Before, with no open case and nothing left to send.
SELECT v.Id
FROM Conversations AS v
WHERE v.IdentityErasedAt IS NULL AND v.LastInboundAt <= @Before
  AND NOT EXISTS (SELECT 1 FROM Cases AS c WHERE c.ConversationId = v.Id AND c.Status IN ('Queued', 'Claimed'))
  AND NOT EXISTS (SELECT 1 FROM Messages AS m JOIN Outbox AS o ON o.MessageId = m.Id
                  WHERE m.ConversationId = v.Id AND o.Status IN ('Pending', 'Sending'))
ORDER BY v.LastInboundAt
LIMIT @Take;
