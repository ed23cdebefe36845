-- Waiting for the person to write (WhatsApp's window): nothing of it reached the phone, so any provider id and
-- send time are dropped, whatever a refused attempt had recorded. Rank 0, like a reply not yet sent.
UPDATE Messages
SET DeliveryStatus = 'held', DeliveryRank = 0, DeliveryError = @DeliveryError, ChannelMessageId = NULL, SentAt = NULL
WHERE Id = @Id;
