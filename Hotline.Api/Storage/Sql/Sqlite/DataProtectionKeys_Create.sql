-- Insert-if-absent by FriendlyName: an element another instance stored first under the same name stays as it is.
INSERT INTO DataProtectionKeys (Id, FriendlyName, XmlCipher, CreatedAt)
VALUES (@Id, @FriendlyName, @XmlCipher, @CreatedAt)
ON CONFLICT (FriendlyName) DO NOTHING;
