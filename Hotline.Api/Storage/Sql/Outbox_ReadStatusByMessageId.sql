-- Where a message is on its way to the phone: its outbox row's status (Pending, Held: not left yet; Sent: left; Failed,
-- Cancelled: never left), and whether an attempt may have reached the provider (OutcomeUnknown: a Sending row, or a Pending
-- or Failed one with it set, may be on the phone). No row when the message never went through the outbox or retention
-- deleted the row, which it does only to finished rows.
SELECT Status, OutcomeUnknown
FROM Outbox
WHERE MessageId = @MessageId;
