SELECT TOP (@Take) Source, RowId, Reason, QuarantinedAt
FROM dbo.QuarantinedRows
ORDER BY QuarantinedAt DESC, Source, RowId;
