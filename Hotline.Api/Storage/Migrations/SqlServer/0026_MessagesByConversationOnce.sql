-- A conversation's messages are found through UX_Messages_ConversationSequence (ConversationId, Sequence): the
-- transcript reads them in that order, and the engine's next sequence number, erasure and deletion look them up by
-- conversation alone. This older index served the same lookups by (ConversationId, CreatedAt) and cost every
-- message a second entry to write.
DROP INDEX IF EXISTS IX_Messages_Conversation ON dbo.Messages;
