-- Everything a console's queue shows: open cases in the caller's languages (or all, for supervisors),
-- plus any case assigned to the caller and any case whose language is not known yet, most urgent first,
-- then longest waiting. What happened before the case came back to the queue is read in the same statement, each through
-- an index of the case's own rows: the last caseworker reply neither failed nor cancelled (IX_Messages_CaseworkerReplies;
-- a reply that never reached the person answered nobody), the person's first message
-- after it in transcript order (UX_Messages_ConversationSequence), and the furthest a referral got (IX_Referrals_Case).
-- PersonLastWroteAt opens a WhatsApp person's 24-hour window, by WhatsAppWindow.IsClosed's rule (their last message, else the
-- conversation's start).
SELECT c.Id, c.Status, c.Priority, c.TriageScore, c.TriageReasons, c.Language, c.QueuedAt, c.AssigneeId,
       u.DisplayName AS AssigneeName, v.Channel, v.Status AS ConversationStatus, v.StatusReason AS ConversationStatusReason,
       c.LeaseExpiresAt, c.Version, c.IntakeQuestion, c.IntakeQuestions, c.InDangerNow, COALESCE(v.LastInboundAt, v.CreatedAt) AS PersonLastWroteAt,
       (SELECT COUNT(*) FROM Cases AS e WHERE e.ConversationId = c.ConversationId AND e.Status = 'Closed' AND e.OpenedAt < c.OpenedAt) AS EarlierCases,
       (SELECT MAX(r.CreatedAt) FROM Messages AS r WHERE r.CaseId = c.Id AND r.AuthorUserId IS NOT NULL AND r.DeliveryStatus NOT IN ('failed', 'undelivered', 'canceled', 'cancelled')) AS AnsweredAt,
       (SELECT MIN(i.CreatedAt) FROM Messages AS i
        WHERE i.ConversationId = c.ConversationId AND i.CaseId = c.Id AND i.Direction = 'Inbound'
          AND i.Sequence > (SELECT MAX(r.Sequence) FROM Messages AS r WHERE r.CaseId = c.Id AND r.AuthorUserId IS NOT NULL AND r.DeliveryStatus NOT IN ('failed', 'undelivered', 'canceled', 'cancelled'))) AS UnansweredSince,
       (SELECT MAX(CASE f.Status WHEN 'Completed' THEN 4 WHEN 'Accepted' THEN 3 WHEN 'Sent' THEN 2 WHEN 'Declined' THEN 1 ELSE 0 END)
        FROM Referrals AS f WHERE f.CaseId = c.Id) AS ReferralStage
FROM Cases AS c
JOIN Conversations AS v ON v.Id = c.ConversationId
LEFT JOIN Users AS u ON u.Id = c.AssigneeId
WHERE c.Status IN ('Queued', 'Claimed')
  AND (@All = 1
       OR c.AssigneeId = @UserId
       OR c.Language = 'und'
       OR c.Language IN (SELECT ul.Language FROM UserLanguages AS ul WHERE ul.UserId = @UserId))
ORDER BY c.Priority DESC, c.InDangerNow DESC, c.QueuedAt, c.Id;
