-- Twilio took the reply, then WhatsApp refused it (63016 in a status callback): it waits to be sent again.
UPDATE Outbox
SET Status = 'Held', ProviderMessageId = NULL, LastError = @LastError
WHERE MessageId = @MessageId AND Status = 'Sent';
