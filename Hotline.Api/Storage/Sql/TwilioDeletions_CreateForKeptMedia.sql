-- A message that brought photos or files, once every one of them is kept (in the media store, Twilio's copy deleted), in
-- the commit that kept the last: its record (text, both numbers) goes from Twilio too. Not while an item waits to be
-- fetched (deleting the message would take the file with it) or for its copy at Twilio to be deleted; and never when one
-- was not kept: a file refused or given up on (Twilio down, credentials rotated, a type the hotline does not keep) has no
-- copy but Twilio's, and stays there, with the message, until retention or an erasure. MediaItems_MarkKept before it makes
-- the items of one message finish in turns, so only the last to be kept finds none other. Those already waiting keep their
-- row.
INSERT INTO TwilioDeletions (MessageSid, Attempts, NextAttemptAt, CreatedAt)
SELECT m.ChannelMessageId, 0, @NextAttemptAt, @CreatedAt
FROM Messages m
WHERE m.Id = @MessageId
  AND m.Channel IN ('Sms', 'WhatsApp')
  AND m.ChannelMessageId IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM MediaItems mi WHERE mi.MessageId = m.Id AND mi.Status <> 'Kept')
  AND NOT EXISTS (SELECT 1 FROM TwilioDeletions d WHERE d.MessageSid = m.ChannelMessageId);
