-- A conversation's photos and files (only those of messages outside any case when @CaselessOnly is 1: a case's go
-- with its content). The encrypted files go once this has committed.
DELETE FROM MediaItems
WHERE ConversationId = @ConversationId
  AND (@CaselessOnly = 0 OR MessageId IN (SELECT Id FROM Messages WHERE ConversationId = @ConversationId AND CaseId IS NULL));
