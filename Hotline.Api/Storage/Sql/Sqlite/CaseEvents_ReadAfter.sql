SELECT Sequence, CaseId, Type, Data, ActorUserId, OccurredAt
FROM CaseEvents
WHERE Sequence > @After
ORDER BY Sequence
LIMIT @Take;
