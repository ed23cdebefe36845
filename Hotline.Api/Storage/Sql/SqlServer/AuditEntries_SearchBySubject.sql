SELECT TOP (@Take) Sequence, OccurredAt, Actor, Action, Subject, ClientAddress, Outcome
FROM dbo.AuditEntries
WHERE Subject = @Subject
  AND Sequence < @BeforeSequence
  AND (@Actor IS NULL OR Actor = @Actor)
  AND (@Action IS NULL OR Action = @Action)
  AND (@Since IS NULL OR OccurredAt >= @Since)
  AND (@Before IS NULL OR OccurredAt < @Before)
ORDER BY Sequence DESC;
