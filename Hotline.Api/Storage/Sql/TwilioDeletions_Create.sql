-- A message already waiting to be deleted keeps its row: a message can be reported final more than once.
INSERT INTO TwilioDeletions (MessageSid, Attempts, NextAttemptAt, CreatedAt)
SELECT @MessageSid, 0, @NextAttemptAt, @CreatedAt
WHERE NOT EXISTS (SELECT 1 FROM TwilioDeletions WHERE MessageSid = @MessageSid);
