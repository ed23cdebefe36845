-- keys rotate: the next rows, in id order after @AfterId, holding a value not under the current key
-- (an older key, or the unbound hl1 form). NULL matches neither side of <>, so an empty column is skipped.
SELECT Id, SummaryCipher, OutcomeNoteCipher, RegionCipher
FROM Referrals
WHERE Id > @AfterId
  AND (substr(SummaryCipher, 1, @KeyPrefixLength) <> @CurrentKeyPrefix
       OR substr(OutcomeNoteCipher, 1, @KeyPrefixLength) <> @CurrentKeyPrefix
       OR substr(RegionCipher, 1, @KeyPrefixLength) <> @CurrentKeyPrefix)
ORDER BY Id
LIMIT @Take;
