SELECT MessageId, State, Posts, UpdatedAt
FROM ChatReplyAttempts
WHERE MessageId = @MessageId;
