INSERT INTO AuditAnchors (Sequence, Mac, AnchoredAt, AnchorMac)
VALUES (@Sequence, @Mac, @AnchoredAt, @AnchorMac);
