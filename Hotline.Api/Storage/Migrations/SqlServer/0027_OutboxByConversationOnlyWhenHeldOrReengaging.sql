-- Outbox rows are looked up by conversation for two rare kinds only: replies held for WhatsApp's window and re-engagement
-- templates. Erasure and its candidates reach a person's rows through their messages (UX_Messages_ConversationSequence,
-- then the outbox's MessageId). The index on every row cost each reply an entry to write.
DROP INDEX IF EXISTS IX_Outbox_Conversation ON dbo.Outbox;
CREATE INDEX IX_Outbox_HeldByConversation ON dbo.Outbox (ConversationId, CreatedAt) WHERE Status = N'Held';
CREATE INDEX IX_Outbox_ReengagementsByConversation ON dbo.Outbox (ConversationId, CreatedAt) WHERE Reengagement = 1;
