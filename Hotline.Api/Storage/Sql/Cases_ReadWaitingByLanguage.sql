SELECT Language, COUNT(*) AS Cases, MIN(QueuedAt) AS OldestQueuedAt
FROM Cases
WHERE Status = 'Queued'
GROUP BY Language;
