-- One batch of outbox rows that reached a final state, created at or before @Before, from the filtered index. Named:
-- without statistics SQLite prefers IX_Outbox_Lease's equality on Status, which walks every finished row, the newest too.
DELETE FROM Outbox
WHERE Id IN (SELECT Id FROM Outbox INDEXED BY IX_Outbox_Finished
             WHERE Status IN ('Sent', 'Failed', 'Cancelled') AND CreatedAt <= @Before LIMIT @Take);
