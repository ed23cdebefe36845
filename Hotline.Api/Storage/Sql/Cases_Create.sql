-- Language routes the case to caseworkers and may change by transfer; PersonLanguage records the person's, changed only once,
-- from 'und' to the language they choose (Cases_LearnLanguage).
-- InDangerNow is read from the reasons (CaseStore/InDangerNow.cs): the claim orders by it along IX_Cases_Queue.
INSERT INTO Cases (Id, ConversationId, Status, Priority, TriageScore, TriageReasons, InDangerNow, Language, PersonLanguage, QueuedAt, OpenedAt)
VALUES (@Id, @ConversationId, 'Queued', @Priority, @TriageScore, @TriageReasons, @InDangerNow, @Language, @Language, @QueuedAt, @OpenedAt);
