-- A reply WhatsApp refused with 63016: its person, whether it is a last word of a quiet spell (whether it may go now), and
-- whether it was written before the person's latest silence (its place against Conversations.SilencedThroughSequence).
SELECT o.ConversationId, o.SendWhileQuietAtVersion, m.Sequence, c.SilencedThroughSequence
FROM Outbox AS o
JOIN Messages AS m ON m.Id = o.MessageId
JOIN Conversations AS c ON c.Id = o.ConversationId
WHERE o.MessageId = @MessageId;
