-- Outbox rows are looked up by conversation for two rare kinds only: replies held for WhatsApp's window and re-engagement
-- templates. Erasure and its candidates reach a person's rows through their messages (UX_Messages_ConversationSequence,
-- then the outbox's MessageId). The index on every row cost each reply an entry on a page of its own conversation:
-- about an eighth of the pages each webhook wrote.
DROP INDEX IF EXISTS IX_Outbox_Conversation;
CREATE INDEX IX_Outbox_HeldByConversation ON Outbox (ConversationId, CreatedAt) WHERE Status = 'Held';
CREATE INDEX IX_Outbox_ReengagementsByConversation ON Outbox (ConversationId, CreatedAt) WHERE Reengagement = 1;
