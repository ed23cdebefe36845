-- Everything a console's queue shows: open cases in the caller's languages (or all, for supervisors),
-- plus any case assigned to the caller and any case whose language is not known yet, most urgent first,
-- then longest waiting.
SELECT c.Id, c.Status, c.Priority, c.TriageScore, c.TriageReasons, c.Language, c.QueuedAt, c.AssigneeId,
       u.DisplayName AS AssigneeName, v.Channel, v.Status AS ConversationStatus, v.StatusReason AS ConversationStatusReason,
       c.LeaseExpiresAt, c.Version, c.IntakeQuestion, c.IntakeQuestions,
       (SELECT COUNT(*) FROM Cases AS e WHERE e.ConversationId = c.ConversationId AND e.Status = 'Closed' AND e.OpenedAt < c.OpenedAt) AS EarlierCases
FROM Cases AS c
JOIN Conversations AS v ON v.Id = c.ConversationId
LEFT JOIN Users AS u ON u.Id = c.AssigneeId
WHERE c.Status IN ('Queued', 'Claimed')
  AND (@All = 1
       OR c.AssigneeId = @UserId
       OR c.Language = 'und'
       OR c.Language IN (SELECT ul.Language FROM UserLanguages AS ul WHERE ul.UserId = @UserId))
ORDER BY c.Priority DESC, c.QueuedAt, c.Id;
