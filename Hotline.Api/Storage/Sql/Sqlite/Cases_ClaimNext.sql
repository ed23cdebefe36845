-- Runs inside BEGIN IMMEDIATE, so no other writer sees the row between the choice and the update.
-- The head of each spoken language's queue is read from IX_Cases_Queue, and the best of those heads is
-- taken. A case whose person can be written to comes before one who opted out or went quiet: a caseworker
-- taking the next case should get someone they can answer. Each head walks its language's queue in index
-- order only past cases nobody can answer now, so the cost stays bounded by those. A case whose language
-- is not known yet ('und') is offered to every caseworker: nobody must be unable to take it.
UPDATE Cases
SET Status = 'Claimed', AssigneeId = @UserId, LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt,
    FirstClaimedAt = COALESCE(FirstClaimedAt, @Now), Version = Version + 1
WHERE Id = (
    SELECT head.Id
    FROM (SELECT Language FROM UserLanguages WHERE UserId = @UserId UNION SELECT 'und') AS ul
    JOIN Cases AS head ON head.Id = COALESCE(
        (SELECT q.Id
         FROM Cases AS q
         JOIN Conversations AS qv ON qv.Id = q.ConversationId
         WHERE q.Status = 'Queued' AND q.Language = ul.Language AND qv.Status = 'Active'
         ORDER BY q.Priority DESC, q.QueuedAt, q.Id
         LIMIT 1),
        (SELECT q.Id
         FROM Cases AS q
         WHERE q.Status = 'Queued' AND q.Language = ul.Language
         ORDER BY q.Priority DESC, q.QueuedAt, q.Id
         LIMIT 1))
    JOIN Conversations AS hv ON hv.Id = head.ConversationId
    ORDER BY hv.Status <> 'Active', head.Priority DESC, head.QueuedAt, head.Id
    LIMIT 1)
RETURNING Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, AssigneeId, LeaseToken,
          LeaseExpiresAt, QueuedAt, OpenedAt, ClosedAt, Outcome, Version;
