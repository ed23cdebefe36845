-- Conversations whose last message came at or before @Before, with nothing left to send and no case whose content is
-- kept (an open case, or a closed one its retention has not emptied yet): the lookup hash is how an erasure on request
-- finds that content, so it is forgotten after it, however late the case was closed.
SELECT TOP (@Take) v.Id
FROM dbo.Conversations AS v
WHERE v.IdentityErasedAt IS NULL AND v.LastInboundAt <= @Before
  AND NOT EXISTS (SELECT 1 FROM dbo.Cases AS c WHERE c.ConversationId = v.Id AND c.ContentErasedAt IS NULL)
  AND NOT EXISTS (SELECT 1 FROM dbo.Messages AS m JOIN dbo.Outbox AS o ON o.MessageId = m.Id
                  WHERE m.ConversationId = v.Id AND o.Status IN (N'Pending', N'Sending'))
ORDER BY v.LastInboundAt;
