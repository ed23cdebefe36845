-- One batch of the issued-SIM registry's rows whose SIM was issued on or before @Before (yyyy-MM-dd, compared as text:
-- SQLite keeps the date so). SQLite here has no DELETE ... LIMIT.
DELETE FROM IssuedSims
WHERE PhoneHash IN (SELECT PhoneHash FROM IssuedSims WHERE IssuedOn <= @Before LIMIT @Take);
