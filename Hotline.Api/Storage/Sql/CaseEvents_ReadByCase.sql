SELECT Sequence, CaseId, Type, Data, ActorUserId, OccurredAt
FROM CaseEvents
WHERE CaseId = @CaseId
ORDER BY Sequence;
