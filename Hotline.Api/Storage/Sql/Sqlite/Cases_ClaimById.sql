-- A caseworker takes the waiting case they are reading: only while it waits, and only in a language they
-- speak (or one not known yet). Zero rows back means someone else took it first, or it is not theirs to take.
UPDATE Cases
SET Status = 'Claimed', AssigneeId = @UserId, LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt,
    FirstClaimedAt = COALESCE(FirstClaimedAt, @Now), Version = Version + 1
WHERE Id = @Id AND Status = 'Queued'
  AND Language IN (SELECT Language FROM UserLanguages WHERE UserId = @UserId UNION SELECT 'und')
RETURNING Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, AssigneeId, LeaseToken,
          LeaseExpiresAt, QueuedAt, OpenedAt, ClosedAt, Outcome, Version;
