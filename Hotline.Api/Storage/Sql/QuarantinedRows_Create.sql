-- Set aside once: the same row met again by another pass or another instance changes nothing.
INSERT INTO QuarantinedRows (Source, RowId, Reason, QuarantinedAt)
SELECT @Source, @RowId, @Reason, @QuarantinedAt
WHERE NOT EXISTS (SELECT 1 FROM QuarantinedRows WHERE Source = @Source AND RowId = @RowId);
