SELECT LastSequence
FROM StatisticsCheckpoints
WHERE Name = @Name;
