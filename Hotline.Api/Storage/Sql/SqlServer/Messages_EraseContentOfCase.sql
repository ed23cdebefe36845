-- One batch of a closed case's message contents: the row stays (direction, times, author) for the
-- statistics' first-reply time; the body, the media references and the provider's error text go.
UPDATE TOP (@Take) dbo.Messages
SET BodyCipher = N'', MediaCipher = NULL, DeliveryError = NULL
WHERE CaseId = @CaseId AND BodyCipher <> N'';
