-- A person's replies reach the phone in the order they were written: a reply is not sent while an earlier one of the
-- same conversation waits for a retry or is being sent by another dispatcher. The dispatcher asks that of the rows not
-- yet sent, by conversation. Only those rows are in the index, so it stays as small as what is in flight (the index on
-- every row that 0027 dropped cost each reply an entry on a page of its own conversation).
CREATE INDEX IX_Outbox_UnsentByConversation ON Outbox (ConversationId) WHERE Status IN ('Pending', 'Sending');
