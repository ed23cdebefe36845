-- keys rotate: the next rows, in id order after @AfterId, holding a value not under the current key
-- (an older key, or the unbound hl1 form). The binary collation compares key ids exactly, as the application does.
SELECT TOP (@Take) Id, XmlCipher
FROM dbo.DataProtectionKeys
WHERE Id > @AfterId
  AND SUBSTRING(XmlCipher, 1, @KeyPrefixLength) COLLATE Latin1_General_BIN2 <> @CurrentKeyPrefix
ORDER BY Id;
