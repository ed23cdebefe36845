SELECT TOP (1) Sequence, Mac, AnchorMac
FROM dbo.AuditAnchors
ORDER BY Sequence DESC;
