-- How many open cases there are and how long a person has waited for a human reply, by status, band and language: the
-- queue's figures and the metrics (by band, by language) read this one definition of waiting.
-- A person who went quiet (not safe now, the discreet word, silent before saying it is safe, being asked whether it is
-- safe, a closed chat) or opted out (STOP) cannot be written to: nobody owes them a reply until they write again, so the
-- case counts in Quiet or OptedOut, not in the wait. A case a caseworker answered that came back to the queue (a release,
-- a claim run out) waits for nobody until the person writes again: it counts in Answered. Once they write, their wait
-- runs from their first message after the last reply (in transcript order); a case never answered waits from QueuedAt,
-- the time to first reply the statistics count. A reply that failed or was cancelled answered nobody.
-- Read every 15 s over every open case, and at most once a second for the consoles: a case never answered (most of a
-- long queue) costs one probe of the partial index of caseworker replies and one of the conversation's key, and only an
-- answered one reads its messages after the reply.
WITH Replies AS (
    SELECT c.Id, c.ConversationId, c.Status, c.Priority, c.Language, c.QueuedAt, v.Status AS ConversationStatus,
           (SELECT MAX(r.Sequence) FROM Messages AS r WHERE r.CaseId = c.Id AND r.AuthorUserId IS NOT NULL AND r.DeliveryStatus NOT IN ('failed', 'undelivered', 'canceled', 'cancelled')) AS LastReply
    FROM Cases AS c
    JOIN Conversations AS v ON v.Id = c.ConversationId
    WHERE c.Status IN ('Queued', 'Claimed')),
Waits AS (
    SELECT Status, Priority, Language, ConversationStatus,
           CASE WHEN ConversationStatus <> 'Active' THEN NULL
                WHEN LastReply IS NULL THEN QueuedAt
                ELSE (SELECT MIN(i.CreatedAt) FROM Messages AS i
                      WHERE i.ConversationId = Replies.ConversationId AND i.CaseId = Replies.Id AND i.Direction = 'Inbound'
                        AND i.Sequence > Replies.LastReply) END AS WaitingSince
    FROM Replies)
SELECT Status, Priority, Language, COUNT(*) AS Cases,
       SUM(CASE WHEN WaitingSince IS NOT NULL THEN 1 ELSE 0 END) AS Waiting,
       SUM(CASE WHEN ConversationStatus = 'Active' AND WaitingSince IS NULL THEN 1 ELSE 0 END) AS Answered,
       SUM(CASE WHEN ConversationStatus = 'Quiet' THEN 1 ELSE 0 END) AS Quiet,
       SUM(CASE WHEN ConversationStatus = 'OptedOut' THEN 1 ELSE 0 END) AS OptedOut,
       MIN(WaitingSince) AS OldestWaitingSince
FROM Waits
GROUP BY Status, Priority, Language;
