-- The case events the statistics projection recounts a case for: every type but those that change nothing it counts (the
-- case's priority, reasons, status, outcome and times, its channel, the first caseworker reply that went out, its
-- referrals). A message from the person, a change of the conversation's status, a renewed lease and a note change none of
-- them; at a busy hour they are most of the log, and each made the projection read the case, its replies and its referrals
-- again only to find its keys as they were. StatisticsEventsTests keeps this list and CaseEventTypes in step.
CREATE VIEW dbo.StatisticsEvents AS
SELECT Sequence, CaseId, OccurredAt
FROM dbo.CaseEvents
WHERE Type NOT IN (N'MessageReceived', N'ConversationStatusChanged', N'LeaseExtended', N'NoteAdded');
