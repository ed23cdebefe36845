-- When the person last wrote in their conversation: what tells a held case apart on its caseworker's card without opening it
-- (no body is read). The open case is the conversation's latest, so its last message from the person is the conversation's.
SELECT MAX(CreatedAt) AS At
FROM Messages
WHERE ConversationId = @ConversationId AND Direction = 'Inbound';
