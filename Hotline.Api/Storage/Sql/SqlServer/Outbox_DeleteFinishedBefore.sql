-- One batch of outbox rows that reached a final state, created at or before @Before.
DELETE TOP (@Take) FROM dbo.Outbox
WHERE Status IN (N'Sent', N'Failed', N'Cancelled') AND CreatedAt <= @Before;
