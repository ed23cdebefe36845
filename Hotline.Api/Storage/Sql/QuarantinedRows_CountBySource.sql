SELECT Source, COUNT(*) AS Count
FROM QuarantinedRows
GROUP BY Source;
