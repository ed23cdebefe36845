-- The cases touched by the events of one batch that statistics count (StatisticsEvents), with only the codes and times
-- statistics count, and the time of each case's earliest such event in the batch: what the case counted in the months
-- before that one is final and is kept as it was counted (StatisticsKeys.Final). The language counted is the person's, not
-- the group a transfer sent the case to.
SELECT c.Id, c.Priority, c.TriageReasons, c.PersonLanguage AS Language, c.Status, c.Outcome, c.QueuedAt, c.OpenedAt, v.Channel,
       (SELECT MIN(f.OccurredAt) FROM StatisticsEvents AS f WHERE f.CaseId = c.Id AND f.Sequence > @After AND f.Sequence <= @Until) AS FirstEventAt
FROM Cases AS c
JOIN Conversations AS v ON v.Id = c.ConversationId
WHERE c.Id IN (SELECT e.CaseId FROM StatisticsEvents AS e WHERE e.Sequence > @After AND e.Sequence <= @Until);
