-- The conversation's open case as the intake engine sees it: which one, and whether a caseworker has
-- written on it (an outbound message with an author; the engine's replies have none). One lean read on
-- the single writer for every inbound message.
SELECT c.Id,
       CASE WHEN EXISTS (SELECT 1 FROM Messages AS m WHERE m.CaseId = c.Id AND m.AuthorUserId IS NOT NULL) THEN 1 ELSE 0 END AS CaseworkerHasWritten
FROM Cases AS c
WHERE c.ConversationId = @ConversationId AND c.Status IN ('Queued', 'Claimed');
