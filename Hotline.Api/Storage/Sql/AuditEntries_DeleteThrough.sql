DELETE FROM AuditEntries
WHERE Sequence <= @Sequence;
