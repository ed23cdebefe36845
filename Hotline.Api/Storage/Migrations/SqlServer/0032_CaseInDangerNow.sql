-- Whether the case's person is in danger right now: they answered "are you in danger right now?" yes (reason
-- immediate_danger) or wrote an urgent word (urgent_word); both make the case Critical. "Take next case" gives such a
-- case before the other Critical cases of its step (docs/casework.md, "Take next, take this one"). Stored beside the
-- reasons it is read from (CaseQueue writes both), and placed after the band in the queue's clustered index.
ALTER TABLE dbo.Cases ADD InDangerNow BIT NOT NULL CONSTRAINT DF_Cases_InDangerNow DEFAULT 0;
GO

UPDATE dbo.Cases SET InDangerNow = 1
WHERE EXISTS (SELECT 1 FROM OPENJSON(TriageReasons) AS r WHERE r.[value] IN (N'immediate_danger', N'urgent_word'));
GO

-- One rebuild of the table in its new order, not a drop to a heap and a second build.
CREATE CLUSTERED INDEX IX_Cases_Queue ON dbo.Cases (Status, Language, Priority DESC, InDangerNow DESC, QueuedAt)
    WITH (DROP_EXISTING = ON);
