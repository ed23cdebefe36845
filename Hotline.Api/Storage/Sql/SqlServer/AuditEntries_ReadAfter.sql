SELECT TOP (@Take) Sequence, OccurredAt, Actor, Action, Subject, ClientAddress, Outcome, Mac
FROM dbo.AuditEntries
WHERE Sequence > @After
ORDER BY Sequence;
