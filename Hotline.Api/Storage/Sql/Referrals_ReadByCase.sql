SELECT Id, CaseId, PartnerId, Service, Status, ConsentGivenBy, ConsentChannel, ConsentGivenAt, SharedFields, SummaryCipher, Nationality, Region, RegionCipher,
       ContactRoute, DeclineReason, Outcome, OutcomeNoteCipher, CreatedAt, CreatedBy, SentAt, RespondedAt, CompletedAt, UpdatedAt, Version
FROM Referrals
WHERE CaseId = @CaseId
ORDER BY CreatedAt;
