-- A person's replies reach the phone in the order they were written: a reply is not sent while an earlier one of the
-- same conversation waits for a retry or is being sent by another dispatcher. The dispatcher asks that of the rows not
-- yet sent, by conversation. Only those rows are in the index, so it stays as small as what is in flight.
CREATE INDEX IX_Outbox_UnsentByConversation ON dbo.Outbox (ConversationId) WHERE Status IN (N'Pending', N'Sending');
