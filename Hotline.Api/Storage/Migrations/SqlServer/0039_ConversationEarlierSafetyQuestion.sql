-- The caseworker's earlier asking whether it is safe to write, while her latest asking is followed
-- (Conversations.SafetyQuestionMessageId): the one the person may be answering if the latest never leaves (refused for good,
-- cancelled). Null when she asked once, or the earlier asking was known to have left when she asked again.
ALTER TABLE dbo.Conversations ADD EarlierSafetyQuestionMessageId UNIQUEIDENTIFIER NULL;
