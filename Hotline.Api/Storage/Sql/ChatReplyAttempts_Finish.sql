UPDATE ChatReplyAttempts
SET State = @State, UpdatedAt = @UpdatedAt
WHERE MessageId = @MessageId AND State = 'Posting';
