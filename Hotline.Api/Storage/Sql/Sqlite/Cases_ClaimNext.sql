-- Runs inside BEGIN IMMEDIATE, so no other writer sees the row between the choice and the update.
-- The head of each spoken language's queue is read from IX_Cases_Queue (one seek per language), and
-- the best of those heads is taken: the cost does not grow with the length of the queue. A case whose
-- language is not known yet ('und') is offered to every caseworker: nobody must be unable to take it.
UPDATE Cases
SET Status = 'Claimed', AssigneeId = @UserId, LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt,
    Version = Version + 1
WHERE Id = (
    SELECT head.Id
    FROM (SELECT Language FROM UserLanguages WHERE UserId = @UserId UNION SELECT 'und') AS ul
    JOIN Cases AS head ON head.Id = (
        SELECT q.Id
        FROM Cases AS q
        WHERE q.Status = 'Queued' AND q.Language = ul.Language
        ORDER BY q.Priority DESC, q.QueuedAt, q.Id
        LIMIT 1)
    ORDER BY head.Priority DESC, head.QueuedAt, head.Id
    LIMIT 1)
RETURNING Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, AssigneeId, LeaseToken,
          LeaseExpiresAt, QueuedAt, OpenedAt, ClosedAt, Outcome, Version;
