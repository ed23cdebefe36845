-- One batch of a closed case's message contents: the row stays (direction, times, author) for the
-- statistics' first-reply time; the body, the media references and the provider's error text go. The case's
-- messages are those it holds and those that led to it: the intake opens a case only once the person has written
-- (their first words, often the most telling) and been asked a question or two, and those messages hold no case.
-- Any of the conversation's until @ClosedAt belong to this case or an earlier one, closed before it and so past
-- its time too (null: nothing before the case is taken).
UPDATE Messages
SET BodyCipher = '', MediaCipher = NULL, DeliveryError = NULL
WHERE Id IN (SELECT Id FROM Messages WHERE CaseId = @CaseId AND BodyCipher <> ''
             UNION ALL
             SELECT Id FROM Messages WHERE ConversationId = @ConversationId AND CaseId IS NULL AND CreatedAt <= @ClosedAt AND BodyCipher <> ''
             LIMIT @Take);
