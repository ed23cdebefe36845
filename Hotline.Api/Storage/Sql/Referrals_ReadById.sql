SELECT Id, CaseId, PartnerId, Service, Status, ConsentGivenBy, ConsentChannel, ConsentGivenAt, SharedFields, SummaryCipher, Nationality, Region,
       ContactRoute, DeclineReason, Outcome, OutcomeNoteCipher, CreatedAt, CreatedBy, SentAt, RespondedAt, CompletedAt, UpdatedAt, Version
FROM Referrals
WHERE Id = @Id;
