-- Twilio keeps every message's record (body, both numbers) and its media until they are deleted through
-- its API. Each row is one message the hotline has stored or finished sending and now deletes there.
-- NextAttemptAt is also the lease: a claim moves it past the lease, so a deleter that died leaves the row
-- due again when its lease runs out. A deleted row is removed; LastError holds a status and code only.
CREATE TABLE TwilioDeletions (
    MessageSid TEXT NOT NULL PRIMARY KEY,
    Attempts INTEGER NOT NULL DEFAULT 0,
    NextAttemptAt TEXT NOT NULL,
    LeaseToken TEXT NULL,
    LastError TEXT NULL,
    CreatedAt TEXT NOT NULL
);
CREATE INDEX IX_TwilioDeletions_Due ON TwilioDeletions (NextAttemptAt);

-- A consent's region (a camp, a street, a town) can identify a person: it is stored encrypted from now on,
-- and Region keeps only what consents recorded before this migration held.
ALTER TABLE Referrals ADD COLUMN RegionCipher TEXT NULL;
