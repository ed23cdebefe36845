-- The claim is a lease, not an open transaction: READPAST skips rows another claimer holds, UPDLOCK
-- keeps two claimers from choosing the same row, ROWLOCK keeps the lock to that row. A person waiting for a reply (can
-- be written to, and never answered or written since the last reply) comes first, Critical before the other bands; then
-- a Critical person nobody can write to now (went quiet or opted out): what they wrote (an urgent word, where they are)
-- is read, a partner can be called, and someone must be ready the moment they say it is safe. Then the other people
-- waiting for a reply, then a case answered with nothing new, whatever the bands: that one waits for nobody
-- (docs/casework.md, "Back in the queue after a reply"); last the other people nobody can write to, answered or not.
-- Within each, a Critical person in danger right now (InDangerNow: they answered the danger question yes, or wrote an
-- urgent word) comes before the other Critical cases, then the band, then the place.
-- "Answered with nothing new" is the queue summaries' rule: a caseworker reply that neither failed nor was cancelled,
-- with no message from the person of the case after it in transcript order; a case never answered costs one seek of
-- IX_Messages_CaseworkerReplies. The same order as the SQLite statement's. A case whose language is not known yet
-- ('und') is offered to every caseworker: nobody must be unable to take it.
WITH NextCase AS (
    SELECT TOP (1) c.Id, c.ConversationId, c.Status, c.Priority, c.TriageScore, c.TriageReasons, c.Language,
           c.AssigneeId, c.LeaseToken, c.LeaseExpiresAt, c.QueuedAt, c.OpenedAt, c.ClosedAt, c.Outcome, c.Version, c.FirstClaimedAt
    FROM dbo.Cases AS c WITH (ROWLOCK, READPAST, UPDLOCK)
    JOIN dbo.Conversations AS v ON v.Id = c.ConversationId
    WHERE c.Status = N'Queued'
      AND c.Language IN (SELECT ul.Language FROM dbo.UserLanguages AS ul WHERE ul.UserId = @UserId UNION SELECT N'und')
    ORDER BY CASE WHEN v.Status <> N'Active' THEN CASE WHEN c.Priority = @Critical THEN 1 ELSE 4 END
                  WHEN EXISTS (SELECT 1 FROM dbo.Messages AS r
                               WHERE r.CaseId = c.Id AND r.AuthorUserId IS NOT NULL
                                 AND r.DeliveryStatus NOT IN (N'failed', N'undelivered', N'canceled', N'cancelled')
                                 AND NOT EXISTS (SELECT 1 FROM dbo.Messages AS i
                                                 WHERE i.ConversationId = c.ConversationId AND i.Sequence > r.Sequence
                                                   AND i.CaseId = c.Id AND i.Direction = N'Inbound')) THEN 3
                  WHEN c.Priority = @Critical THEN 0
                  ELSE 2 END,
             c.Priority DESC, c.InDangerNow DESC, c.QueuedAt, c.Id)
UPDATE TOP (1) NextCase
SET Status = N'Claimed', AssigneeId = @UserId, LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt,
    FirstClaimedAt = COALESCE(FirstClaimedAt, @Now), Version = Version + 1
OUTPUT inserted.Id, inserted.ConversationId, inserted.Status, inserted.Priority, inserted.TriageScore,
       inserted.TriageReasons, inserted.Language, inserted.AssigneeId, inserted.LeaseToken, inserted.LeaseExpiresAt,
       inserted.QueuedAt, inserted.OpenedAt, inserted.ClosedAt, inserted.Outcome, inserted.Version;
