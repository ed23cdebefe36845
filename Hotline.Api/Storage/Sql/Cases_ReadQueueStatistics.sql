-- How many open cases there are and how long a person has waited for a human reply. A case a caseworker answered that
-- came back to the queue (a release, a claim run out) waits for nobody until the person writes again: it counts in
-- Answered, not in the wait. Once they write, their wait runs from their first message after the last reply (in
-- transcript order); a case never answered waits from QueuedAt, the time to first reply the statistics count.
WITH Waits AS (
    SELECT c.Status, c.Priority, c.QueuedAt,
           (SELECT MAX(r.Sequence) FROM Messages AS r WHERE r.CaseId = c.Id AND r.AuthorUserId IS NOT NULL) AS LastReply,
           (SELECT MIN(i.CreatedAt) FROM Messages AS i
            WHERE i.ConversationId = c.ConversationId AND i.CaseId = c.Id AND i.Direction = 'Inbound'
              AND i.Sequence > (SELECT MAX(r.Sequence) FROM Messages AS r WHERE r.CaseId = c.Id AND r.AuthorUserId IS NOT NULL)) AS UnansweredSince
    FROM Cases AS c
    WHERE c.Status IN ('Queued', 'Claimed'))
SELECT Status, Priority, COUNT(*) AS Cases,
       SUM(CASE WHEN LastReply IS NOT NULL AND UnansweredSince IS NULL THEN 1 ELSE 0 END) AS Answered,
       MIN(CASE WHEN LastReply IS NULL THEN QueuedAt ELSE UnansweredSince END) AS OldestWaitingSince
FROM Waits
GROUP BY Status, Priority;
