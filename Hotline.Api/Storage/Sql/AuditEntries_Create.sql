INSERT INTO AuditEntries (Sequence, OccurredAt, Actor, Action, Subject, ClientAddress, Outcome, Mac)
VALUES (@Sequence, @OccurredAt, @Actor, @Action, @Subject, @ClientAddress, @Outcome, @Mac);
