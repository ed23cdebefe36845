-- A conversation's messages are found through UX_Messages_ConversationSequence (ConversationId, Sequence): the
-- transcript reads them in that order, and the engine's next sequence number, erasure and deletion look them up by
-- conversation alone. This older index served the same lookups by (ConversationId, CreatedAt) and cost every
-- message a second entry, on a page of its own conversation: about a sixth of the pages each webhook wrote.
DROP INDEX IF EXISTS IX_Messages_Conversation;
