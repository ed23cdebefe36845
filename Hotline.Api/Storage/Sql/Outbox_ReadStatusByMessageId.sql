-- Where a message is on its way to the phone: its outbox row's status (Pending, Sending, Held: not left yet; Sent: left;
-- Failed, Cancelled: never left). No row when the message never went through the outbox or retention deleted the row,
-- which it does only to finished rows.
SELECT Status
FROM Outbox
WHERE MessageId = @MessageId;
