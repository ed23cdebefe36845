-- A person's closed cases, oldest first: what a returning person's case lists, and the windows that split
-- their one conversation into the cases it held.
SELECT Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, AssigneeId, LeaseToken,
       LeaseExpiresAt, QueuedAt, OpenedAt, ClosedAt, Outcome, Version, ContentErasedAt
FROM Cases
WHERE ConversationId = @ConversationId AND Status = 'Closed'
ORDER BY OpenedAt, Id;
