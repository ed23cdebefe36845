-- The media job's backlog: items still to fetch, or fetched with the provider's copy still to delete.
SELECT COUNT(*) AS Items, MIN(CreatedAt) AS OldestCreatedAt
FROM MediaItems
WHERE Status IN ('Pending', 'Stored');
