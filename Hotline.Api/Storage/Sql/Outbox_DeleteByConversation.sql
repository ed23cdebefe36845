-- Every outbox row to an erased person: pending replies are never sent, and sent ones keep the provider's error text.
-- Reached through the person's messages: every outbox row belongs to a message of its conversation.
DELETE FROM Outbox
WHERE MessageId IN (SELECT m.Id FROM Messages AS m WHERE m.ConversationId = @ConversationId);
