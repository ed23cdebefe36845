-- Closed cases whose content is past its retention, oldest first, from the filtered index.
SELECT Id, ConversationId, ClosedAt
FROM Cases
WHERE Status = 'Closed' AND ContentErasedAt IS NULL AND ClosedAt <= @Before
ORDER BY ClosedAt
LIMIT @Take;
