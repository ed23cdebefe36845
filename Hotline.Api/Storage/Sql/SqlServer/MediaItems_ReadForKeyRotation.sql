-- keys rotate: the next rows, in id order after @AfterId, holding a value not under the current key
-- (an older key, or the unbound hl1 form). NULL matches neither side of <>, so an empty column is skipped.
-- The binary collation compares key ids exactly, as the application does.
SELECT TOP (@Take) Id, SourceCipher, EvidenceCipher
FROM dbo.MediaItems
WHERE Id > @AfterId
  AND (SUBSTRING(SourceCipher, 1, @KeyPrefixLength) COLLATE Latin1_General_BIN2 <> @CurrentKeyPrefix
       OR SUBSTRING(EvidenceCipher, 1, @KeyPrefixLength) COLLATE Latin1_General_BIN2 <> @CurrentKeyPrefix)
ORDER BY Id;
