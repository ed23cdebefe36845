-- Open cases still routed to no language although their person has chosen one since: cases stuck before a case learned
-- its language from the person's choice (CaseLanguageLearning), or one whose choice lost a race with its opening.
SELECT c.Id AS CaseId, v.Language
FROM Cases c
JOIN Conversations v ON v.Id = c.ConversationId
WHERE c.Language = @Unknown AND c.Status IN ('Queued', 'Claimed') AND v.Language IS NOT NULL AND v.Language <> @Unknown;
