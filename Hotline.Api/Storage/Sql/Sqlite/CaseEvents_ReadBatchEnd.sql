-- The last sequence number of the next batch the statistics projection counts.
SELECT MAX(Sequence)
FROM (SELECT Sequence FROM CaseEvents WHERE Sequence > @After ORDER BY Sequence LIMIT @Take);
