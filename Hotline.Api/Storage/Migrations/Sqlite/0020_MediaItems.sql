-- Each attachment of an inbound message, fetched by the media job (not the webhook) and kept as evidence.
-- Pending: to fetch; Stored: the bytes are in the media store and the provider's copy is still to delete;
-- Kept: done; NotKept: refused for good, Reason says why. SourceCipher (the provider's link) and
-- EvidenceCipher (capture time, position, device) are personal data, encrypted like message text.
CREATE TABLE MediaItems (
    Id TEXT NOT NULL PRIMARY KEY,
    MessageId TEXT NOT NULL REFERENCES Messages (Id),
    ConversationId TEXT NOT NULL REFERENCES Conversations (Id),
    Position INTEGER NOT NULL,
    Channel TEXT NOT NULL,
    SourceCipher TEXT NOT NULL,
    Status TEXT NOT NULL CHECK (Status IN ('Pending', 'Stored', 'Kept', 'NotKept')),
    Attempts INTEGER NOT NULL DEFAULT 0,
    NextAttemptAt TEXT NOT NULL,
    LeaseToken TEXT NULL,
    LeaseExpiresAt TEXT NULL,
    Reason TEXT NULL,
    ContentType TEXT NULL,
    SizeBytes INTEGER NULL,
    Sha256 TEXT NULL,
    Width INTEGER NULL,
    Height INTEGER NULL,
    HasView INTEGER NOT NULL DEFAULT 0,
    EvidenceCipher TEXT NULL,
    StoredAt TEXT NULL,
    CreatedAt TEXT NOT NULL,
    UNIQUE (MessageId, Position)
);

CREATE INDEX IX_MediaItems_Due ON MediaItems (Status, NextAttemptAt);
CREATE INDEX IX_MediaItems_Conversation ON MediaItems (ConversationId);
