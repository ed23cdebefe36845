-- The claim is a lease, not an open transaction: READPAST skips rows another claimer holds, UPDLOCK
-- keeps two claimers from choosing the same row, ROWLOCK keeps the lock to that row. A case whose person
-- can be written to comes before one who opted out or went quiet: a caseworker taking the next case should
-- get someone they can answer. A case whose language is not known yet ('und') is offered to every
-- caseworker: nobody must be unable to take it.
WITH NextCase AS (
    SELECT TOP (1) c.Id, c.ConversationId, c.Status, c.Priority, c.TriageScore, c.TriageReasons, c.Language,
           c.AssigneeId, c.LeaseToken, c.LeaseExpiresAt, c.QueuedAt, c.OpenedAt, c.ClosedAt, c.Outcome, c.Version, c.FirstClaimedAt
    FROM dbo.Cases AS c WITH (ROWLOCK, READPAST, UPDLOCK)
    JOIN dbo.Conversations AS v ON v.Id = c.ConversationId
    WHERE c.Status = N'Queued'
      AND c.Language IN (SELECT ul.Language FROM dbo.UserLanguages AS ul WHERE ul.UserId = @UserId UNION SELECT N'und')
    ORDER BY CASE WHEN v.Status = N'Active' THEN 0 ELSE 1 END, c.Priority DESC, c.QueuedAt, c.Id)
UPDATE TOP (1) NextCase
SET Status = N'Claimed', AssigneeId = @UserId, LeaseToken = @LeaseToken, LeaseExpiresAt = @LeaseExpiresAt,
    FirstClaimedAt = COALESCE(FirstClaimedAt, @Now), Version = Version + 1
OUTPUT inserted.Id, inserted.ConversationId, inserted.Status, inserted.Priority, inserted.TriageScore,
       inserted.TriageReasons, inserted.Language, inserted.AssigneeId, inserted.LeaseToken, inserted.LeaseExpiresAt,
       inserted.QueuedAt, inserted.OpenedAt, inserted.ClosedAt, inserted.Outcome, inserted.Version;
