-- Whether a message has not left for the phone yet: waiting to be sent or sent again (an outcome unknown is Pending), being
-- sent, or held until the person writes (WhatsApp's window). A row sent, failed, cancelled or deleted is not counted.
SELECT COUNT(*)
FROM Outbox
WHERE MessageId = @MessageId AND Status IN ('Pending', 'Sending', 'Held');
