-- Runs inside BEGIN IMMEDIATE, so no other writer sees the row between the choice and the update.
-- The head of each spoken language's queue is read from IX_Cases_Queue, and the best of those heads is
-- taken. A person waiting for a reply (can be written to, and never answered or written since the last reply) comes
-- first, Critical before the other bands; then a Critical person nobody can write to now (went quiet or opted out):
-- what they wrote (an urgent word, where they are) is read, a partner can be called, and someone must be ready the
-- moment they say it is safe. Then the other people waiting for a reply, then a case answered with nothing new, whatever
-- the bands: that one waits for nobody (docs/casework.md, "Back in the queue after a reply"); last the other people
-- nobody can write to, answered or not. Within each, a Critical person in danger right now (InDangerNow: they answered
-- the danger question yes, or wrote an urgent word) comes before the other Critical cases, then the band, then the place;
-- InDangerNow follows Priority in IX_Cases_Queue, so every walk below still reads the index in its order.
-- "Answered with nothing new" is the queue summaries' rule: a caseworker reply that neither
-- failed nor was cancelled, with no message from the person of the case after it in transcript order (when one such
-- reply has nothing after it, the last one has not either).
-- Each head walks its language's queue in index order only past cases nobody can answer now or answered with
-- nothing new, so the cost stays bounded by those: the two Critical choices seek the Critical part of the index alone
-- (Priority = @Critical), a case never answered costs one probe of the partial index of caseworker replies
-- (IX_Messages_CaseworkerReplies), and only an answered one reads its messages after the reply
-- (UX_Messages_ConversationSequence). A case whose language is not known yet ('und') is offered to every
-- caseworker: nobody must be unable to take it.
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
         WHERE q.Status = 'Queued' AND q.Language = ul.Language AND q.Priority = @Critical AND qv.Status = 'Active'
           AND NOT EXISTS (
               SELECT 1 FROM Messages AS r
               WHERE r.CaseId = q.Id AND r.AuthorUserId IS NOT NULL
                 AND r.DeliveryStatus NOT IN ('failed', 'undelivered', 'canceled', 'cancelled')
                 AND NOT EXISTS (SELECT 1 FROM Messages AS i
                                 WHERE i.ConversationId = q.ConversationId AND i.Sequence > r.Sequence
                                   AND i.CaseId = q.Id AND i.Direction = 'Inbound'))
         ORDER BY q.Priority DESC, q.InDangerNow DESC, q.QueuedAt, q.Id
         LIMIT 1),
        (SELECT q.Id
         FROM Cases AS q
         JOIN Conversations AS qv ON qv.Id = q.ConversationId
         WHERE q.Status = 'Queued' AND q.Language = ul.Language AND q.Priority = @Critical AND qv.Status <> 'Active'
         ORDER BY q.Priority DESC, q.InDangerNow DESC, q.QueuedAt, q.Id
         LIMIT 1),
        (SELECT q.Id
         FROM Cases AS q
         JOIN Conversations AS qv ON qv.Id = q.ConversationId
         WHERE q.Status = 'Queued' AND q.Language = ul.Language AND qv.Status = 'Active'
           AND NOT EXISTS (
               SELECT 1 FROM Messages AS r
               WHERE r.CaseId = q.Id AND r.AuthorUserId IS NOT NULL
                 AND r.DeliveryStatus NOT IN ('failed', 'undelivered', 'canceled', 'cancelled')
                 AND NOT EXISTS (SELECT 1 FROM Messages AS i
                                 WHERE i.ConversationId = q.ConversationId AND i.Sequence > r.Sequence
                                   AND i.CaseId = q.Id AND i.Direction = 'Inbound'))
         ORDER BY q.Priority DESC, q.InDangerNow DESC, q.QueuedAt, q.Id
         LIMIT 1),
        (SELECT q.Id
         FROM Cases AS q
         JOIN Conversations AS qv ON qv.Id = q.ConversationId
         WHERE q.Status = 'Queued' AND q.Language = ul.Language AND qv.Status = 'Active'
         ORDER BY q.Priority DESC, q.InDangerNow DESC, q.QueuedAt, q.Id
         LIMIT 1),
        (SELECT q.Id
         FROM Cases AS q
         WHERE q.Status = 'Queued' AND q.Language = ul.Language
         ORDER BY q.Priority DESC, q.InDangerNow DESC, q.QueuedAt, q.Id
         LIMIT 1))
    JOIN Conversations AS hv ON hv.Id = head.ConversationId
    -- The five choices above, in their order: a head is answered with nothing new only when its language has no person
    -- waiting (the first and third choices) and no Critical person nobody can write to (the second).
    ORDER BY CASE WHEN hv.Status <> 'Active' THEN CASE WHEN head.Priority = @Critical THEN 1 ELSE 4 END
                  WHEN EXISTS (SELECT 1 FROM Messages AS r
                               WHERE r.CaseId = head.Id AND r.AuthorUserId IS NOT NULL
                                 AND r.DeliveryStatus NOT IN ('failed', 'undelivered', 'canceled', 'cancelled')
                                 AND NOT EXISTS (SELECT 1 FROM Messages AS i
                                                 WHERE i.ConversationId = head.ConversationId AND i.Sequence > r.Sequence
                                                   AND i.CaseId = head.Id AND i.Direction = 'Inbound')) THEN 3
                  WHEN head.Priority = @Critical THEN 0
                  ELSE 2 END,
             head.Priority DESC, head.InDangerNow DESC, head.QueuedAt, head.Id
    LIMIT 1)
RETURNING Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, AssigneeId, LeaseToken,
          LeaseExpiresAt, QueuedAt, OpenedAt, ClosedAt, Outcome, Version;
