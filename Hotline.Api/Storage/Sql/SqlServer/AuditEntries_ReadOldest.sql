SELECT TOP (@Take) Sequence, OccurredAt, Mac
FROM dbo.AuditEntries
ORDER BY Sequence;
