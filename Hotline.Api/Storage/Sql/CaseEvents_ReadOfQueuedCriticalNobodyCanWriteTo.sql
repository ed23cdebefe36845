-- The events of every Critical case in the queue whose person went quiet or opted out that say since when it has been so
-- and whether a caseworker has taken it since (UntakenCriticalCases): its band (queued, re-triaged), urgent words, its
-- person's status, and a caseworker's acts on it: releases, notes, referrals proposed or sent. Read every 15 s for the metrics: such cases
-- are few, and each reads its own events along IX_CaseEvents_Case.
SELECT e.Sequence, e.CaseId, e.Type, e.Data, e.ActorUserId, e.OccurredAt
FROM Cases AS c
JOIN Conversations AS v ON v.Id = c.ConversationId
JOIN CaseEvents AS e ON e.CaseId = c.Id
WHERE c.Status = 'Queued' AND c.Priority = @Critical AND v.Status IN ('Quiet', 'OptedOut')
  AND e.Type IN ('CaseQueued', 'PriorityChanged', 'UrgentWordMatched', 'ConversationStatusChanged', 'CaseReleased', 'NoteAdded', 'ReferralProposed', 'ReferralSent')
ORDER BY e.CaseId, e.Sequence;
