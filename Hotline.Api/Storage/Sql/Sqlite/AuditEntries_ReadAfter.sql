SELECT Sequence, OccurredAt, Actor, Action, Subject, ClientAddress, Outcome, Mac
FROM AuditEntries
WHERE Sequence > @After
ORDER BY Sequence
LIMIT @Take;
