-- A reply written after WhatsApp's window closed waits for the person instead of being sent.
UPDATE Outbox
SET Status = 'Held', LastError = @LastError
WHERE MessageId = @MessageId AND Status = 'Pending';
