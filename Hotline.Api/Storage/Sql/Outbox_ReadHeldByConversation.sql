SELECT o.MessageId, m.CaseId
FROM Outbox AS o
JOIN Messages AS m ON m.Id = o.MessageId
WHERE o.ConversationId = @ConversationId AND o.Status = 'Held'
ORDER BY o.CreatedAt;
