-- One row read by Outbox_ReadWaitingByConversation, cancelled unless a dispatcher claimed it meanwhile (SQL Server: the
-- claim commits beside the transaction that silences the person; the dispatcher reads the conversation again before a
-- send that waited).
UPDATE Outbox
SET Status = 'Cancelled', LastError = @LastError
WHERE Id = @Id AND ((Status = 'Pending' AND OutcomeUnknown = 0) OR Status = 'Held');
