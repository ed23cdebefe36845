-- keys rotate: the next intake answers after @After. Their text is inside the event's JSON, so which need
-- rotating is decided by the caller.
SELECT TOP (@Take) Sequence, CaseId, Data
FROM dbo.CaseEvents
WHERE Type = N'AnswerRecorded' AND Sequence > @After
ORDER BY Sequence;
