SELECT Source, RowId, Reason, QuarantinedAt
FROM QuarantinedRows
ORDER BY QuarantinedAt DESC, Source, RowId
LIMIT @Take;
