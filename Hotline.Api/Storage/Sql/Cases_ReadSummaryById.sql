SELECT c.Id, c.Status, c.Priority, c.TriageScore, c.TriageReasons, c.Language, c.QueuedAt, c.AssigneeId,
       u.DisplayName AS AssigneeName, v.Channel, v.Status AS ConversationStatus, v.StatusReason AS ConversationStatusReason,
       c.LeaseExpiresAt, c.Version, c.IntakeQuestion, c.IntakeQuestions
FROM Cases AS c
JOIN Conversations AS v ON v.Id = c.ConversationId
LEFT JOIN Users AS u ON u.Id = c.AssigneeId
WHERE c.Id = @Id;
