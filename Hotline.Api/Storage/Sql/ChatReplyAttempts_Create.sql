INSERT INTO ChatReplyAttempts (MessageId, State, Posts, UpdatedAt)
VALUES (@MessageId, 'Posting', 1, @UpdatedAt);
