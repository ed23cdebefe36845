-- The retention sweep's write looks again at what its read found (Conversations_ReadIdentityToErase), since the person may
-- have written in between: one row when the conversation is still idle, with nothing to send and no case whose content is
-- kept; none otherwise, and the sweep leaves it as it is. The version moves, which holds the row for the rest of the write
-- and makes a turn that read it before write nothing back.
UPDATE Conversations
SET Version = Version + 1
WHERE Id = @Id AND IdentityErasedAt IS NULL AND LastInboundAt <= @Before
  AND NOT EXISTS (SELECT 1 FROM Cases AS c WHERE c.ConversationId = @Id AND c.ContentErasedAt IS NULL)
  AND NOT EXISTS (SELECT 1 FROM Messages AS m JOIN Outbox AS o ON o.MessageId = m.Id
                  WHERE m.ConversationId = @Id AND o.Status IN ('Pending', 'Sending'));
