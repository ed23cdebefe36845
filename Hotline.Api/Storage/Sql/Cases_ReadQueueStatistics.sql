SELECT Status, Priority, COUNT(*) AS Cases, MIN(QueuedAt) AS OldestQueuedAt
FROM Cases
WHERE Status IN ('Queued', 'Claimed')
GROUP BY Status, Priority;
