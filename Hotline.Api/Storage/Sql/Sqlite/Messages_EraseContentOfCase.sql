-- One batch of a closed case's message contents: the row stays (direction, times, author) for the
-- statistics' first-reply time; the body, the media references and the provider's error text go.
UPDATE Messages
SET BodyCipher = '', MediaCipher = NULL, DeliveryError = NULL
WHERE Id IN (SELECT Id FROM Messages WHERE CaseId = @CaseId AND BodyCipher <> '' LIMIT @Take);
