-- Adds a (possibly negative) change to one counter, creating it at its first use. Only the projection
-- writes here, one instance at a time (it holds the checkpoint row).
UPDATE dbo.StatisticsCounts
SET Count = Count + @Count, TotalSeconds = TotalSeconds + @TotalSeconds
WHERE Month = @Month AND Dimension = @Dimension AND Value = @Value;

IF @@ROWCOUNT = 0
    INSERT INTO dbo.StatisticsCounts (Month, Dimension, Value, Count, TotalSeconds)
    VALUES (@Month, @Dimension, @Value, @Count, @TotalSeconds);
