-- keys rotate: the next rows, in id order after @AfterId, holding a value not under the current key
-- (an older key, or the unbound hl1 form). NULL matches neither side of <>, so an empty column is skipped.
SELECT Id, SourceCipher, EvidenceCipher
FROM MediaItems
WHERE Id > @AfterId
  AND (substr(SourceCipher, 1, @KeyPrefixLength) <> @CurrentKeyPrefix
       OR substr(EvidenceCipher, 1, @KeyPrefixLength) <> @CurrentKeyPrefix)
ORDER BY Id
LIMIT @Take;
