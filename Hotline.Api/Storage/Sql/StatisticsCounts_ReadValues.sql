-- Every value the counters have ever held under one dimension, in any month and even where a recount took the count
-- back to 0: the languages already counted when the statistics first record which languages they count, each of which
-- was a row of every month until then and stays one. A few thousand counters at most (months by values), read whole.
SELECT DISTINCT Value
FROM StatisticsCounts
WHERE Dimension = @Dimension;
