-- A message that brought photos or files, once the media job has finished with every one of them (kept, with Twilio's copy
-- deleted, or not kept), in the commit that finished the last: its record (text, both numbers) and any file not kept go
-- from Twilio too. Not while an item waits to be fetched (deleting the message would take the file with it) or for its
-- copy at Twilio to be deleted. MediaItems_MarkKept and MediaItems_Refuse before it make the items of one message finish
-- in turns, so only the last to finish finds none waiting. Those already waiting keep their row.
INSERT INTO TwilioDeletions (MessageSid, Attempts, NextAttemptAt, CreatedAt)
SELECT m.ChannelMessageId, 0, @NextAttemptAt, @CreatedAt
FROM Messages m
WHERE m.Id = @MessageId
  AND m.Channel IN ('Sms', 'WhatsApp')
  AND m.ChannelMessageId IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM MediaItems mi WHERE mi.MessageId = m.Id AND mi.Status IN ('Pending', 'Stored'))
  AND NOT EXISTS (SELECT 1 FROM TwilioDeletions d WHERE d.MessageSid = m.ChannelMessageId);
