-- InDangerNow is read from the reasons (CaseStore/InDangerNow.cs): the claim orders by it along IX_Cases_Queue.
UPDATE Cases
SET Priority = @Priority, TriageScore = @TriageScore, TriageReasons = @TriageReasons, InDangerNow = @InDangerNow, Version = Version + 1
WHERE Id = @Id AND Status IN ('Queued', 'Claimed');
