-- A region kept in the clear, sealed: a cipher already there (a consent recorded again since) is the newer and stays.
UPDATE Referrals
SET RegionCipher = COALESCE(RegionCipher, @RegionCipher), Region = NULL
WHERE Id = @Id AND Region IS NOT NULL;
