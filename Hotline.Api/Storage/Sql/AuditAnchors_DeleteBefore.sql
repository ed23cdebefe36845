-- Only the latest anchor is where the chain starts; the earlier ones anchor rows that are gone.
DELETE FROM AuditAnchors
WHERE Sequence < @Sequence;
