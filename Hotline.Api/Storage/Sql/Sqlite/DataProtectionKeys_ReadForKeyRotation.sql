-- keys rotate: the next rows, in id order after @AfterId, holding a value not under the current key
-- (an older key, or the unbound hl1 form).
SELECT Id, XmlCipher
FROM DataProtectionKeys
WHERE Id > @AfterId
  AND substr(XmlCipher, 1, @KeyPrefixLength) <> @CurrentKeyPrefix
ORDER BY Id
LIMIT @Take;
