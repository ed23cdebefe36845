SELECT Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, AssigneeId, LeaseToken,
       LeaseExpiresAt, QueuedAt, OpenedAt, ClosedAt, Outcome, Version
FROM Cases
WHERE ConversationId = @ConversationId AND Status IN ('Queued', 'Claimed');
