-- One batch of the issued-SIM registry's rows whose SIM was issued on or before @Before (yyyy-MM-dd, read as a date).
DELETE TOP (@Take) FROM dbo.IssuedSims
WHERE IssuedOn <= CONVERT(DATE, @Before, 23);
