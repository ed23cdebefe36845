SELECT r.Id, r.CaseId, r.PartnerId, r.Status, r.Outcome, r.CreatedAt, r.SentAt
FROM Referrals AS r
WHERE r.CaseId IN (SELECT e.CaseId FROM StatisticsEvents AS e WHERE e.Sequence > @After AND e.Sequence <= @Until);
