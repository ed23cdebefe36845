-- Insert-if-absent by FriendlyName: an element another instance stored first under the same name stays as it is.
-- UPDLOCK, HOLDLOCK keep the name's range locked from the check to the insert, so two instances cannot both pass it.
INSERT INTO dbo.DataProtectionKeys (Id, FriendlyName, XmlCipher, CreatedAt)
SELECT @Id, @FriendlyName, @XmlCipher, @CreatedAt
WHERE NOT EXISTS (SELECT 1 FROM dbo.DataProtectionKeys WITH (UPDLOCK, HOLDLOCK) WHERE FriendlyName = @FriendlyName);
