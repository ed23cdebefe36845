-- The counter row stays locked until the transaction commits, so sequence numbers become visible in
-- the order they were given out (see the Counters table).
DECLARE @Sequence BIGINT;

UPDATE dbo.Counters
SET @Sequence = Value = Value + 1
WHERE Name = N'CaseEvents';

INSERT INTO dbo.CaseEvents (Sequence, CaseId, Type, Data, ActorUserId, OccurredAt)
VALUES (@Sequence, @CaseId, @Type, @Data, @ActorUserId, @OccurredAt);
