-- A conversation's messages as their content goes (only those outside any case when @CaselessOnly is 1: a case's go with
-- its content), in the same commit: every SMS and WhatsApp message, in and out, is deleted at Twilio, files first, as
-- TwilioDeletions_CreateForCaseContent says (a reply stuck at `sent`, a message whose files Twilio still holds). Those
-- already waiting keep their row.
INSERT INTO TwilioDeletions (MessageSid, Attempts, NextAttemptAt, CreatedAt)
SELECT m.ChannelMessageId, 0, @NextAttemptAt, @CreatedAt
FROM Messages m
WHERE m.ConversationId = @ConversationId
  AND (@CaselessOnly = 0 OR m.CaseId IS NULL)
  AND m.Channel IN ('Sms', 'WhatsApp')
  AND m.ChannelMessageId IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM TwilioDeletions d WHERE d.MessageSid = m.ChannelMessageId);
