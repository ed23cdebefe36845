SELECT Sequence, Mac, AnchorMac
FROM AuditAnchors
ORDER BY Sequence DESC
LIMIT 1;
