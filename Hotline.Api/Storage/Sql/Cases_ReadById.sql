SELECT Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, AssigneeId, LeaseToken,
       LeaseExpiresAt, QueuedAt, OpenedAt, ClosedAt, Outcome, Version, ContentErasedAt
FROM Cases
WHERE Id = @Id;
