UPDATE Outbox
SET Reengagement = 1
WHERE MessageId = @MessageId;
