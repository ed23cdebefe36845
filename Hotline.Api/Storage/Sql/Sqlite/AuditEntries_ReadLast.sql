SELECT Sequence, Mac
FROM AuditEntries
ORDER BY Sequence DESC
LIMIT 1;
