-- keys rotate: compare-and-set on the value read; the element itself never changes, only the key it is sealed under.
UPDATE DataProtectionKeys
SET XmlCipher = @XmlCipher
WHERE Id = @Id
  AND XmlCipher = @OldXmlCipher;
