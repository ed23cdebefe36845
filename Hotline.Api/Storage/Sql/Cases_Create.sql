INSERT INTO Cases (Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, QueuedAt, OpenedAt)
VALUES (@Id, @ConversationId, 'Queued', @Priority, @TriageScore, @TriageReasons, @Language, @QueuedAt, @OpenedAt);
