-- A conversation's photos and files as they go (only those of messages outside any case when @CaselessOnly is 1: a case's
-- go with its content), in the same commit: the messages that brought them are deleted at Twilio, their files first, as
-- TwilioDeletions_CreateForMediaOfCase says. Those already waiting keep their row.
INSERT INTO TwilioDeletions (MessageSid, Attempts, NextAttemptAt, CreatedAt)
SELECT m.ChannelMessageId, 0, @NextAttemptAt, @CreatedAt
FROM Messages m
WHERE m.ConversationId = @ConversationId
  AND (@CaselessOnly = 0 OR m.CaseId IS NULL)
  AND m.Channel IN ('Sms', 'WhatsApp')
  AND m.ChannelMessageId IS NOT NULL
  AND EXISTS (SELECT 1 FROM MediaItems mi WHERE mi.MessageId = m.Id)
  AND NOT EXISTS (SELECT 1 FROM TwilioDeletions d WHERE d.MessageSid = m.ChannelMessageId);
