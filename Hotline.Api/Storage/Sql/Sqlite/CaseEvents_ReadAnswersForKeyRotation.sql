-- keys rotate: the next intake answers after @After. Their text is inside the event's JSON, so which need
-- rotating is decided by the caller.
SELECT Sequence, CaseId, Data
FROM CaseEvents
WHERE Type = 'AnswerRecorded' AND Sequence > @After
ORDER BY Sequence
LIMIT @Take;
