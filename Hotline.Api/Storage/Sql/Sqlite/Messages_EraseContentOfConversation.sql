-- One batch of a conversation's message contents (only those outside any case when @CaselessOnly is 1; only those written
-- at or before @WrittenThrough when it is given): the row stays, its body, media references and the provider's error text go.
UPDATE Messages
SET BodyCipher = '', MediaCipher = NULL, DeliveryError = NULL
WHERE Id IN (SELECT Id FROM Messages
             WHERE ConversationId = @ConversationId AND BodyCipher <> '' AND (@CaselessOnly = 0 OR CaseId IS NULL)
               AND (@WrittenThrough IS NULL OR CreatedAt <= @WrittenThrough)
             LIMIT @Take);
