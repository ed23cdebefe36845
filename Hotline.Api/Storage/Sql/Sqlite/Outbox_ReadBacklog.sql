-- The outbox's backlog for the gauges: what is still to send, and since when. Through the due index by name: without
-- statistics SQLite reads the whole table, every sent reply that retention still keeps, every few seconds.
SELECT COUNT(*) AS Messages, MIN(CreatedAt) AS OldestCreatedAt
FROM Outbox INDEXED BY IX_Outbox_Due
WHERE Status IN ('Pending', 'Sending');
