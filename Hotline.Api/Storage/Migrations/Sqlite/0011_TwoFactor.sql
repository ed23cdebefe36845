-- Two-factor sign-in: the TOTP secret (encrypted with the privacy keys), the last time step accepted (a code
-- is good once), and ten single-use recovery codes stored as hashes.
ALTER TABLE Users ADD COLUMN TotpSecret TEXT NULL;
ALTER TABLE Users ADD COLUMN TotpLastStep INTEGER NULL;

CREATE TABLE RecoveryCodes (
    UserId TEXT NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    CodeHash TEXT NOT NULL,
    UsedAt TEXT NULL,
    PRIMARY KEY (UserId, CodeHash)
);
