-- Every value the counters have ever held under one dimension, in any month and even where a recount took the count
-- back to 0: the rows of a table whose values are not a fixed list (languages, partners), which must not depend on the
-- range of months asked for. A few thousand counters at most (months by values), read whole.
SELECT DISTINCT Value
FROM StatisticsCounts
WHERE Dimension = @Dimension;
