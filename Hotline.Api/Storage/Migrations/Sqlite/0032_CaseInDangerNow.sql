-- Whether the case's person is in danger right now: they answered "are you in danger right now?" yes (reason
-- immediate_danger) or wrote an urgent word (urgent_word); both make the case Critical. "Take next case" gives such a
-- case before the other Critical cases of its step (docs/casework.md, "Take next, take this one"). Stored beside the
-- reasons it is read from (CaseQueue writes both), and placed after the band in the queue index, so that the claim still
-- reads each language's queue from its head.
ALTER TABLE Cases ADD COLUMN InDangerNow INTEGER NOT NULL DEFAULT 0;

UPDATE Cases SET InDangerNow = 1
WHERE EXISTS (SELECT 1 FROM json_each(Cases.TriageReasons) AS r WHERE r.value IN ('immediate_danger', 'urgent_word'));

DROP INDEX IX_Cases_Queue;
CREATE INDEX IX_Cases_Queue ON Cases (Status, Language, Priority DESC, InDangerNow DESC, QueuedAt, Id);
