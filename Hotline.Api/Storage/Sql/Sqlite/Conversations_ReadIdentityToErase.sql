-- Conversations whose last message came at or before @Before, with nothing left to send and no case whose content is
-- kept (an open case, or a closed one its retention has not emptied yet): the lookup hash is how an erasure on request
-- finds that content, so it is forgotten after it, however late the case was closed.
SELECT v.Id
FROM Conversations AS v
WHERE v.IdentityErasedAt IS NULL AND v.LastInboundAt <= @Before
  AND NOT EXISTS (SELECT 1 FROM Cases AS c WHERE c.ConversationId = v.Id AND c.ContentErasedAt IS NULL)
  AND NOT EXISTS (SELECT 1 FROM Messages AS m JOIN Outbox AS o ON o.MessageId = m.Id
                  WHERE m.ConversationId = v.Id AND o.Status IN ('Pending', 'Sending'))
ORDER BY v.LastInboundAt
LIMIT @Take;
