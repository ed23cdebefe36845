-- A case's photos and files as its content goes (retention, erasure), in the same commit: the messages that brought them
-- are deleted at Twilio, their files first, as an erasure deletes a person's. Twilio keeps a file until the media job has
-- deleted it (a Pending or Stored item: not yet; NotKept: never) and the message's record always (it is not queued when
-- it brings files, so the job can fetch them first). Those already waiting keep their row. The case's messages are
-- those it holds and those that led to it, as in Messages_EraseContentOfCase.
INSERT INTO TwilioDeletions (MessageSid, Attempts, NextAttemptAt, CreatedAt)
SELECT m.ChannelMessageId, 0, @NextAttemptAt, @CreatedAt
FROM Messages m
WHERE (m.CaseId = @CaseId OR (m.ConversationId = @ConversationId AND m.CaseId IS NULL AND m.CreatedAt <= @ClosedAt))
  AND m.Channel IN ('Sms', 'WhatsApp')
  AND m.ChannelMessageId IS NOT NULL
  AND EXISTS (SELECT 1 FROM MediaItems mi WHERE mi.MessageId = m.Id)
  AND NOT EXISTS (SELECT 1 FROM TwilioDeletions d WHERE d.MessageSid = m.ChannelMessageId);
