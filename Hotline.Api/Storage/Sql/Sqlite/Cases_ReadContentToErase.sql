-- Closed cases whose content is past its retention, oldest first, from the filtered index. Named: without statistics
-- SQLite prefers IX_Cases_Lease's equality on Status, which reads and sorts every closed case on each pass.
SELECT Id, ConversationId, ClosedAt
FROM Cases INDEXED BY IX_Cases_ContentToErase
WHERE Status = 'Closed' AND ContentErasedAt IS NULL AND ClosedAt <= @Before
ORDER BY ClosedAt
LIMIT @Take;
