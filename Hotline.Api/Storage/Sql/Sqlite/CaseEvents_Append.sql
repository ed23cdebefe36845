INSERT INTO CaseEvents (CaseId, Type, Data, ActorUserId, OccurredAt)
VALUES (@CaseId, @Type, @Data, @ActorUserId, @OccurredAt);
