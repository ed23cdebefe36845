-- The template goes once per silence: one already queued or sent since the person last wrote is enough.
SELECT COUNT(*)
FROM Outbox
WHERE ConversationId = @ConversationId AND Reengagement = 1 AND Status <> 'Failed' AND CreatedAt >= @Since;
