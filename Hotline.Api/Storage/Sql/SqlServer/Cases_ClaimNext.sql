-- The claim is a lease, not an open transaction: READPAST skips rows another claimer holds, UPDLOCK
-- keeps two claimers from choosing the same row, ROWLOCK keeps the lock to that row. A case whose person
-- can be written to comes before one who opted out or went quiet: a caseworker taking the next case should
-- get someone they can answer. Among those, a person waiting for a reply (never answered, or written since the
-- last reply) comes before a case answered with nothing new, whatever the bands: that one waits for nobody
-- (docs/casework.md, "Back in the queue after a reply"). "Answered with nothing new" is the queue summaries' rule:
-- a caseworker reply that neither failed nor was cancelled, with no message from the person of the case after it
-- in transcript order; a case never answered costs one seek of IX_Messages_CaseworkerReplies. Nobody can reply to a
-- person who opted out or went quiet, answered or not: there the band and the place decide. A case whose language is
-- not known yet ('und') is offered to every caseworker: nobody must be unable to take it.
WITH NextCase AS (
    SELECT TOP (1) c.Id, c.ConversationId, c.Status, c.Priority, c.TriageScore, c.TriageReasons, c.Language,
           c.AssigneeId, c.LeaseToken, c.LeaseExpiresAt, c.QueuedAt, c.OpenedAt, c.ClosedAt, c.Outcome, c.Version, c.FirstClaimedAt
    FROM dbo.Cases AS c WITH (ROWLOCK, READPAST, UPDLOCK)
    JOIN dbo.Conversations AS v ON v.Id = c.ConversationId
    WHERE c.Status = N'Queued'
      AND c.Language IN (SELECT ul.Language FROM dbo.UserLanguages AS ul WHERE ul.UserId = @UserId UNION SELECT N'und')
    ORDER BY CASE WHEN v.Status <> N'Active' THEN 2
                  WHEN EXISTS (SELECT 1 FROM dbo.Messages AS r
                               WHERE r.CaseId = c.Id AND r.AuthorUserId IS NOT NULL
                                 AND r.DeliveryStatus NOT IN (N'failed', N'undelivered', N'canceled', N'cancelled')
                                 AND NOT EXISTS (SELECT 1 FROM dbo.Messages AS i
                                                 WHERE i.ConversationId = c.ConversationId AND i.Sequence > r.Sequence
                                                   AND i.CaseId = c.Id AND i.Direction = N'Inbound')) THEN 1
                  ELSE 0 END,
             c.Priority DESC, c.QueuedAt, c.Id)
UPDATE TOP (1) NextCase
SET Status = N'Claimed', AssigneeId = @UserId, LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt,
    FirstClaimedAt = COALESCE(FirstClaimedAt, @Now), Version = Version + 1
OUTPUT inserted.Id, inserted.ConversationId, inserted.Status, inserted.Priority, inserted.TriageScore,
       inserted.TriageReasons, inserted.Language, inserted.AssigneeId, inserted.LeaseToken, inserted.LeaseExpiresAt,
       inserted.QueuedAt, inserted.OpenedAt, inserted.ClosedAt, inserted.Outcome, inserted.Version;
