-- What waits to be sent to the person and has never reached the provider: due or backing off (Pending, its outcome known)
-- or held for WhatsApp's window (Held). Read when they go quiet or opt out, to be cancelled. Rows being sent, and rows
-- whose last attempt may have reached Twilio (OutcomeUnknown), are left to the dispatcher, which asks Twilio first.
-- Each half names its partial index's condition (IX_Outbox_UnsentByConversation, IX_Outbox_HeldByConversation).
SELECT o.Id, o.MessageId, m.CaseId
FROM Outbox AS o
JOIN Messages AS m ON m.Id = o.MessageId
WHERE o.ConversationId = @ConversationId AND o.Status IN ('Pending', 'Sending') AND o.Status = 'Pending' AND o.OutcomeUnknown = 0
UNION ALL
SELECT o.Id, o.MessageId, m.CaseId
FROM Outbox AS o
JOIN Messages AS m ON m.Id = o.MessageId
WHERE o.ConversationId = @ConversationId AND o.Status = 'Held';
