-- A caseworker's first reply to each case touched by one batch that went out: an outbound message with an author that the
-- channel accepted (SentAt) and did not later fail or leave undelivered. A reply refused, cancelled or held answered nobody,
-- so the case still waits; its time is when it was sent, when the person could first have read it.
SELECT m.CaseId, MIN(m.SentAt) AS FirstReplyAt
FROM Messages AS m
WHERE m.CaseId IN (SELECT e.CaseId FROM StatisticsEvents AS e WHERE e.Sequence > @After AND e.Sequence <= @Until)
  AND m.Direction = 'Outbound' AND m.AuthorUserId IS NOT NULL AND m.SentAt IS NOT NULL
  AND m.DeliveryStatus NOT IN ('failed', 'undelivered', 'canceled', 'cancelled')
GROUP BY m.CaseId;
