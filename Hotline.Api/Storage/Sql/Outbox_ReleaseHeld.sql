-- The person wrote: the window is open again. Due at their creation time, so they go in the order they were written,
-- before anything the new message causes.
UPDATE Outbox
SET Status = 'Pending', NextAttemptAt = CreatedAt, LastError = NULL
WHERE ConversationId = @ConversationId AND Status = 'Held';
