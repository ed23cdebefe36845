SELECT Month, Dimension, Value, Count, TotalSeconds
FROM StatisticsCounts
WHERE Month >= @From AND Month <= @To AND Count <> 0;
