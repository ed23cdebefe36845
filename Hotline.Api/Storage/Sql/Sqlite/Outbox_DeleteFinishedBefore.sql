-- One batch of outbox rows that reached a final state, created at or before @Before.
DELETE FROM Outbox
WHERE Id IN (SELECT Id FROM Outbox WHERE Status IN ('Sent', 'Failed', 'Cancelled') AND CreatedAt <= @Before LIMIT @Take);
