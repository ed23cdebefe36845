SELECT COUNT(*) AS Messages, MIN(CreatedAt) AS OldestCreatedAt
FROM Outbox
WHERE Status IN ('Pending', 'Sending');
