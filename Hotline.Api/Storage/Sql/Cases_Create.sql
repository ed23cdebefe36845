-- Language routes the case to caseworkers and may change by transfer; PersonLanguage records the person's and never changes.
INSERT INTO Cases (Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, PersonLanguage, QueuedAt, OpenedAt)
VALUES (@Id, @ConversationId, 'Queued', @Priority, @TriageScore, @TriageReasons, @Language, @Language, @QueuedAt, @OpenedAt);
