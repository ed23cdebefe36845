SELECT c.Id, c.Status, c.Priority, c.TriageScore, c.TriageReasons, c.Language, c.QueuedAt, c.AssigneeId,
       u.DisplayName AS AssigneeName, v.Channel, v.Status AS ConversationStatus, v.StatusReason AS ConversationStatusReason,
       c.LeaseExpiresAt, c.Version, c.IntakeQuestion, c.IntakeQuestions,
       (SELECT COUNT(*) FROM Cases AS e WHERE e.ConversationId = c.ConversationId AND e.Status = 'Closed' AND e.OpenedAt < c.OpenedAt) AS EarlierCases
FROM Cases AS c
JOIN Conversations AS v ON v.Id = c.ConversationId
LEFT JOIN Users AS u ON u.Id = c.AssigneeId
WHERE c.Id = @Id;
