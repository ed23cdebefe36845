-- The last sequence number of the next batch the statistics projection counts.
SELECT MAX(b.Sequence)
FROM (SELECT TOP (@Take) Sequence FROM dbo.CaseEvents WHERE Sequence > @After ORDER BY Sequence) AS b;
