-- The outbox's backlog for the gauges: what is still to send, and since when.
SELECT COUNT(*) AS Messages, MIN(CreatedAt) AS OldestCreatedAt
FROM dbo.Outbox
WHERE Status IN (N'Pending', N'Sending');
