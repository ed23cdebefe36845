-- A case's part of the person's one conversation, defined once: what the case view's transcript shows, the photos the case
-- serves and those a referral shares. A message is the case's when it carries the case's id, or when it carries none and was
-- sent after the close of every earlier case of the conversation and before this one closed: the intake before a case
-- opens, and a message stored with no case though sent while the case was open (one lost in an outage and stored by
-- reconciliation after the close, or one whose write lost the race with the close), which would otherwise be in no case's
-- part at all. Never another case's, which a caseworker of this one may not be allowed to read, nor a message outside any
-- case in another case's part: each message with no case is in one case's part at most. Read by CaseId: the case by its key, then its conversation's messages through
-- UX_Messages_ConversationSequence, in transcript order.
CREATE VIEW dbo.CaseMessages AS
SELECT c.Id AS CaseId, m.ConversationId, m.Id AS MessageId, m.Sequence, m.CreatedAt
FROM dbo.Cases AS c
JOIN dbo.Messages AS m ON m.ConversationId = c.ConversationId
WHERE m.CaseId = c.Id
   OR (m.CaseId IS NULL AND (c.ClosedAt IS NULL OR m.CreatedAt <= c.ClosedAt)
       AND NOT EXISTS (SELECT 1 FROM dbo.Cases AS earlier
                       WHERE earlier.ConversationId = c.ConversationId AND earlier.OpenedAt < c.OpenedAt
                         AND earlier.ClosedAt >= m.CreatedAt));
