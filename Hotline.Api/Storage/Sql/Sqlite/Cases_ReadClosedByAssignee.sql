-- The closed cases a caseworker held when they were closed, the latest first; a dialect file for the limit
-- (LIMIT here, TOP on SQL Server).
SELECT Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, AssigneeId, LeaseToken,
       LeaseExpiresAt, QueuedAt, OpenedAt, ClosedAt, Outcome, Version, ContentErasedAt
FROM Cases
WHERE AssigneeId = @UserId AND Status = 'Closed'
ORDER BY ClosedAt DESC, Id
LIMIT @Take;
