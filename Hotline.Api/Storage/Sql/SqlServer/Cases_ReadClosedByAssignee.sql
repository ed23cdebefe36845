-- The closed cases a caseworker held when they were closed, the latest first; a dialect file for the limit
-- (TOP here, LIMIT on SQLite).
SELECT TOP (@Take) Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, AssigneeId, LeaseToken,
       LeaseExpiresAt, QueuedAt, OpenedAt, ClosedAt, Outcome, Version, ContentErasedAt
FROM Cases
WHERE AssigneeId = @UserId AND Status = 'Closed'
ORDER BY ClosedAt DESC, Id;
