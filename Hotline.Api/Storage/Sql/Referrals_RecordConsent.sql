-- Every transition is filtered on the step it follows: a step out of order changes no row.
UPDATE Referrals
SET Status = 'ConsentRecorded', ConsentGivenBy = @GivenBy, ConsentChannel = @Channel, ConsentGivenAt = @GivenAt,
    SharedFields = @SharedFields, SummaryCipher = @SummaryCipher, Nationality = @Nationality, Region = NULL, RegionCipher = @RegionCipher,
    ContactRoute = @ContactRoute, UpdatedAt = @Now, Version = Version + 1
WHERE Id = @Id AND Status = 'Proposed';
