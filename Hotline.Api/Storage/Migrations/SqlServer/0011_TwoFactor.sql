-- Two-factor sign-in: the TOTP secret (encrypted with the privacy keys), the last time step accepted (a code
-- is good once), and ten single-use recovery codes stored as hashes.
ALTER TABLE dbo.Users ADD TotpSecret NVARCHAR(400) NULL, TotpLastStep BIGINT NULL;
GO

CREATE TABLE dbo.RecoveryCodes (
    UserId UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_RecoveryCodes_Users REFERENCES dbo.Users (Id) ON DELETE CASCADE,
    CodeHash NVARCHAR(64) NOT NULL,
    UsedAt DATETIME2(3) NULL,
    CONSTRAINT PK_RecoveryCodes PRIMARY KEY (UserId, CodeHash)
);
