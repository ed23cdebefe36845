SELECT Sequence, OccurredAt, Mac
FROM AuditEntries
ORDER BY Sequence
LIMIT @Take;
