-- A new post is allowed only after one the connector answered with a clear refusal: filtered on that state,
-- so two dispatchers cannot both start one.
UPDATE ChatReplyAttempts
SET State = 'Posting', Posts = Posts + 1, UpdatedAt = @UpdatedAt
WHERE MessageId = @MessageId AND State = 'NotAccepted';
