SELECT TOP (@Take) Sequence, CaseId, Type, Data, ActorUserId, OccurredAt
FROM dbo.CaseEvents
WHERE Sequence > @After
ORDER BY Sequence;
