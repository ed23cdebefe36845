-- What an erasure is about to remove from a conversation's messages, for its report.
SELECT COUNT(*) AS Messages, COUNT(MediaCipher) AS Media
FROM Messages
WHERE ConversationId = @ConversationId AND BodyCipher <> '';
