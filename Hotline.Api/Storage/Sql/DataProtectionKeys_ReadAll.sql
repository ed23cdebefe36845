-- The whole key ring, every element Data Protection stored (keys and revocations), oldest first.
SELECT Id, FriendlyName, XmlCipher
FROM DataProtectionKeys
ORDER BY CreatedAt, FriendlyName;
