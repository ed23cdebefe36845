-- Twilio took the reply, then WhatsApp refused it (63016), and the person has gone quiet or opted out since: held, it would
-- go at their next message, written before the silence began. Nothing of it reached the phone; it is never sent.
UPDATE Outbox
SET Status = 'Cancelled', ProviderMessageId = NULL, LastError = @LastError
WHERE MessageId = @MessageId AND Status = 'Sent';
