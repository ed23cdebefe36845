-- Closed cases whose content is past its retention, oldest first, from the filtered index.
SELECT TOP (@Take) Id, ConversationId, ClosedAt
FROM dbo.Cases
WHERE Status = N'Closed' AND ContentErasedAt IS NULL AND ClosedAt <= @Before
ORDER BY ClosedAt;
