-- A person's cases by their conversation: the queue counts a returning person's earlier cases on every read.
CREATE INDEX IX_Cases_Conversation ON Cases (ConversationId, OpenedAt);
