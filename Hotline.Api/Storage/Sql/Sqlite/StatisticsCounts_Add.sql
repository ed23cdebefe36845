-- Adds a (possibly negative) change to one counter, creating it at its first use.
INSERT INTO StatisticsCounts (Month, Dimension, Value, Count, TotalSeconds)
VALUES (@Month, @Dimension, @Value, @Count, @TotalSeconds)
ON CONFLICT (Month, Dimension, Value) DO UPDATE
SET Count = Count + excluded.Count, TotalSeconds = TotalSeconds + excluded.TotalSeconds;
