-- A caseworker takes the waiting case they are reading: only while it waits, and only in a language they
-- speak (or one not known yet). Zero rows back means someone else took it first, or it is not theirs to take.
UPDATE dbo.Cases
SET Status = N'Claimed', AssigneeId = @UserId, LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt,
    FirstClaimedAt = COALESCE(FirstClaimedAt, @Now), Version = Version + 1
OUTPUT inserted.Id, inserted.ConversationId, inserted.Status, inserted.Priority, inserted.TriageScore,
       inserted.TriageReasons, inserted.Language, inserted.AssigneeId, inserted.LeaseToken, inserted.LeaseExpiresAt,
       inserted.QueuedAt, inserted.OpenedAt, inserted.ClosedAt, inserted.Outcome, inserted.Version
WHERE Id = @Id AND Status = N'Queued'
  AND Language IN (SELECT ul.Language FROM dbo.UserLanguages AS ul WHERE ul.UserId = @UserId UNION SELECT N'und');
