-- A case's content as it goes (retention, erasure), in the same commit: every SMS and WhatsApp message of it, in and out,
-- is deleted at Twilio, files first, as an erasure deletes a person's. Most are queued already (an inbound message once
-- stored, a reply at its final status), but not a reply whose carrier never reported past `sent`, which Twilio would keep
-- with the number and the words for good, nor a message whose files Twilio still holds (a Pending or Stored item: the media
-- job had not deleted them yet; NotKept: never). One already gone at Twilio answers 404, which counts as done. Those already
-- waiting keep their row. The case's messages are those it holds and those that led to it, as in Messages_EraseContentOfCase.
INSERT INTO TwilioDeletions (MessageSid, Attempts, NextAttemptAt, CreatedAt)
SELECT m.ChannelMessageId, 0, @NextAttemptAt, @CreatedAt
FROM Messages m
WHERE (m.CaseId = @CaseId OR (m.ConversationId = @ConversationId AND m.CaseId IS NULL AND m.CreatedAt <= @ClosedAt))
  AND m.Channel IN ('Sms', 'WhatsApp')
  AND m.ChannelMessageId IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM TwilioDeletions d WHERE d.MessageSid = m.ChannelMessageId);
