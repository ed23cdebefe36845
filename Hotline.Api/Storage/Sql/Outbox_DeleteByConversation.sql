-- Every outbox row to an erased person: pending replies are never sent, and sent ones keep the provider's error text.
DELETE FROM Outbox
WHERE ConversationId = @ConversationId;
