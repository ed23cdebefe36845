-- A reply WhatsApp refused with 63016: its person, and whether it is a last word of a quiet spell (whether it may go now).
SELECT ConversationId, SendWhileQuietAtVersion
FROM Outbox
WHERE MessageId = @MessageId;
