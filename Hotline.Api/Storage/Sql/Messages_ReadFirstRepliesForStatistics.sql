-- A caseworker's first reply to each case touched by one batch: an outbound message with an author.
SELECT m.CaseId, MIN(m.CreatedAt) AS FirstReplyAt
FROM Messages AS m
WHERE m.CaseId IN (SELECT e.CaseId FROM CaseEvents AS e WHERE e.Sequence > @After AND e.Sequence <= @Until)
  AND m.Direction = 'Outbound' AND m.AuthorUserId IS NOT NULL
GROUP BY m.CaseId;
