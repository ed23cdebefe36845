-- Twilio keeps every message's record (body, both numbers) and its media until they are deleted through
-- its API. Each row is one message the hotline has stored or finished sending and now deletes there.
-- NextAttemptAt is also the lease: a claim moves it past the lease, so a deleter that died leaves the row
-- due again when its lease runs out. A deleted row is removed; LastError holds a status and code only.
CREATE TABLE dbo.TwilioDeletions (
    MessageSid NVARCHAR(200) NOT NULL CONSTRAINT PK_TwilioDeletions PRIMARY KEY,
    Attempts INT NOT NULL CONSTRAINT DF_TwilioDeletions_Attempts DEFAULT 0,
    NextAttemptAt DATETIME2(3) NOT NULL,
    LeaseToken UNIQUEIDENTIFIER NULL,
    LastError NVARCHAR(200) NULL,
    CreatedAt DATETIME2(3) NOT NULL
);

CREATE INDEX IX_TwilioDeletions_Due ON dbo.TwilioDeletions (NextAttemptAt);

-- A consent's region (a camp, a street, a town) can identify a person: it is stored encrypted from now on,
-- and Region keeps only what consents recorded before this migration held.
ALTER TABLE dbo.Referrals ADD RegionCipher NVARCHAR(1000) NULL;
