SELECT f.CaseId, f.Keys
FROM StatisticsCaseFacts AS f
WHERE f.CaseId IN (SELECT e.CaseId FROM StatisticsEvents AS e WHERE e.Sequence > @After AND e.Sequence <= @Until);
