-- Every transition is filtered on the step it follows: a step out of order changes no row. The case's triage reasons and
-- priority are kept as they are now where the consent shares them (migration 0037): a later triage does not reach the partner.
UPDATE Referrals
SET Status = 'ConsentRecorded', ConsentGivenBy = @GivenBy, ConsentChannel = @Channel, ConsentGivenAt = @GivenAt,
    SharedFields = @SharedFields, SummaryCipher = @SummaryCipher, Nationality = @Nationality, Region = NULL, RegionCipher = @RegionCipher,
    ContactRoute = @ContactRoute, SharedTriageReasons = @SharedTriageReasons, SharedPriority = @SharedPriority, UpdatedAt = @Now,
    Version = Version + 1
WHERE Id = @Id AND Status = 'Proposed';
