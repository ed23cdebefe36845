-- The languages the statistics count cases in and the month each is counted from: a few dozen rows at most, read whole.
SELECT Language, FromMonth
FROM StatisticsLanguages;
