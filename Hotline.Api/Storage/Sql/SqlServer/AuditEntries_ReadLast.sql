-- UPDLOCK and HOLDLOCK keep the end of the chain until this transaction commits: two writers never take
-- the same next sequence or chain onto the same previous row.
SELECT TOP (1) Sequence, Mac
FROM dbo.AuditEntries WITH (UPDLOCK, HOLDLOCK)
ORDER BY Sequence DESC;
