-- Conversations whose last message came at or before @Before, with no open case and nothing left to send.
SELECT TOP (@Take) v.Id
FROM dbo.Conversations AS v
WHERE v.IdentityErasedAt IS NULL AND v.LastInboundAt <= @Before
  AND NOT EXISTS (SELECT 1 FROM dbo.Cases AS c WHERE c.ConversationId = v.Id AND c.Status IN (N'Queued', N'Claimed'))
  AND NOT EXISTS (SELECT 1 FROM dbo.Messages AS m JOIN dbo.Outbox AS o ON o.MessageId = m.Id
                  WHERE m.ConversationId = v.Id AND o.Status IN (N'Pending', N'Sending'))
ORDER BY v.LastInboundAt;
