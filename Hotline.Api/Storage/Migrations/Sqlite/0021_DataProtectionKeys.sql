-- The Data Protection key ring: the keys that seal session cookies and antiforgery tokens, shared by every
-- instance and kept across restarts. Each element's XML is encrypted with the privacy keys and bound to its
-- row (XmlCipher); FriendlyName is Data Protection's name for the element (key-{id}, revocation-...), unique
-- so that an element is stored once whichever instance writes it.
CREATE TABLE DataProtectionKeys (
    Id TEXT NOT NULL PRIMARY KEY,
    FriendlyName TEXT NOT NULL UNIQUE,
    XmlCipher TEXT NOT NULL,
    CreatedAt TEXT NOT NULL
);
