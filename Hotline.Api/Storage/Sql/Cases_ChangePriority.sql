UPDATE Cases
SET Priority = @Priority, TriageScore = @TriageScore, TriageReasons = @TriageReasons, Version = Version + 1
WHERE Id = @Id AND Status IN ('Queued', 'Claimed');
