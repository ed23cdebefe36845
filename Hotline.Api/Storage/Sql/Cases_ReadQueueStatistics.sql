-- How many open cases there are and how long a person has waited for a human reply. A case a caseworker answered that
-- came back to the queue (a release, a claim run out) waits for nobody until the person writes again: it counts in
-- Answered, not in the wait. Once they write, their wait runs from their first message after the last reply (in
-- transcript order); a case never answered waits from QueuedAt, the time to first reply the statistics count. A reply
-- that failed or was cancelled answered nobody.
-- Read every 15 s over every open case: a case never answered (most of a long queue) costs one probe of the partial
-- index of caseworker replies, and only an answered one reads its messages after the reply.
WITH Replies AS (
    SELECT c.Id, c.ConversationId, c.Status, c.Priority, c.QueuedAt,
           (SELECT MAX(r.Sequence) FROM Messages AS r WHERE r.CaseId = c.Id AND r.AuthorUserId IS NOT NULL AND r.DeliveryStatus NOT IN ('failed', 'undelivered', 'canceled', 'cancelled')) AS LastReply
    FROM Cases AS c
    WHERE c.Status IN ('Queued', 'Claimed')),
Waits AS (
    SELECT Status, Priority, QueuedAt, LastReply,
           CASE WHEN LastReply IS NULL THEN NULL
                ELSE (SELECT MIN(i.CreatedAt) FROM Messages AS i
                      WHERE i.ConversationId = Replies.ConversationId AND i.CaseId = Replies.Id AND i.Direction = 'Inbound'
                        AND i.Sequence > Replies.LastReply) END AS UnansweredSince
    FROM Replies)
SELECT Status, Priority, COUNT(*) AS Cases,
       SUM(CASE WHEN LastReply IS NOT NULL AND UnansweredSince IS NULL THEN 1 ELSE 0 END) AS Answered,
       MIN(CASE WHEN LastReply IS NULL THEN QueuedAt ELSE UnansweredSince END) AS OldestWaitingSince
FROM Waits
GROUP BY Status, Priority;
