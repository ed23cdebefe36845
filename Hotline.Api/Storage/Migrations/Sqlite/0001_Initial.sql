-- Initial schema. Times are UTC text in the fixed form yyyy-MM-ddTHH:mm:ss.fffZ so text order is time order.
-- Columns ending in Cipher hold AES-GCM values ("hl1:{keyId}:{base64}"); columns ending in Hash hold a
-- keyed HMAC. Nothing here holds a phone number, a chat id or a message text in the clear.

CREATE TABLE Users (
    Id TEXT NOT NULL PRIMARY KEY,
    UserName TEXT NOT NULL COLLATE NOCASE UNIQUE,
    DisplayName TEXT NOT NULL,
    Role TEXT NOT NULL CHECK (Role IN ('Caseworker', 'Supervisor', 'Ngo', 'Admin')),
    PasswordHash TEXT NOT NULL,
    OrganisationId TEXT NULL,
    FailedSignIns INTEGER NOT NULL DEFAULT 0,
    LockedUntil TEXT NULL,
    Disabled INTEGER NOT NULL DEFAULT 0,
    CreatedAt TEXT NOT NULL
);

CREATE TABLE UserLanguages (
    UserId TEXT NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    Language TEXT NOT NULL,
    PRIMARY KEY (UserId, Language)
);

CREATE TABLE Conversations (
    Id TEXT NOT NULL PRIMARY KEY,
    Channel TEXT NOT NULL,
    AddressHash TEXT NOT NULL,
    AddressCipher TEXT NOT NULL,
    Language TEXT NULL,
    EngineStateCipher TEXT NULL,
    Status TEXT NOT NULL,
    StatusReason TEXT NULL,
    CreatedAt TEXT NOT NULL,
    LastInboundAt TEXT NULL,
    Version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (Channel, AddressHash)
);

CREATE TABLE Cases (
    Id TEXT NOT NULL PRIMARY KEY,
    ConversationId TEXT NOT NULL REFERENCES Conversations (Id),
    Status TEXT NOT NULL CHECK (Status IN ('Queued', 'Claimed', 'Closed')),
    Priority INTEGER NOT NULL,
    TriageScore INTEGER NOT NULL,
    TriageReasons TEXT NOT NULL,
    Language TEXT NOT NULL,
    AssigneeId TEXT NULL REFERENCES Users (Id),
    LeaseToken TEXT NULL,
    LeaseExpiresAt TEXT NULL,
    QueuedAt TEXT NOT NULL,
    OpenedAt TEXT NOT NULL,
    ClosedAt TEXT NULL,
    Outcome TEXT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

-- The claim reads the head of one language's queue: band first, then the longest waiting.
CREATE INDEX IX_Cases_Queue ON Cases (Status, Language, Priority DESC, QueuedAt, Id);
CREATE INDEX IX_Cases_Lease ON Cases (Status, LeaseExpiresAt);
-- A conversation has at most one open case: two webhooks racing cannot open two.
CREATE UNIQUE INDEX UX_Cases_OpenPerConversation ON Cases (ConversationId) WHERE Status IN ('Queued', 'Claimed');

CREATE TABLE Messages (
    Id TEXT NOT NULL PRIMARY KEY,
    ConversationId TEXT NOT NULL REFERENCES Conversations (Id),
    CaseId TEXT NULL REFERENCES Cases (Id),
    Direction TEXT NOT NULL CHECK (Direction IN ('Inbound', 'Outbound')),
    Channel TEXT NOT NULL,
    ChannelMessageId TEXT NULL,
    BodyCipher TEXT NOT NULL,
    MediaCipher TEXT NULL,
    Segments INTEGER NOT NULL DEFAULT 0,
    AuthorUserId TEXT NULL REFERENCES Users (Id),
    DeliveryStatus TEXT NOT NULL,
    DeliveryRank INTEGER NOT NULL DEFAULT 0,
    DeliveryError TEXT NULL,
    CreatedAt TEXT NOT NULL,
    SentAt TEXT NULL,
    DeliveredAt TEXT NULL
);

-- A channel's own message id (Twilio's MessageSid, an activity id) is the idempotency key of a webhook.
CREATE UNIQUE INDEX UX_Messages_ChannelMessageId ON Messages (Channel, ChannelMessageId)
    WHERE ChannelMessageId IS NOT NULL;
CREATE INDEX IX_Messages_Conversation ON Messages (ConversationId, CreatedAt);

CREATE TABLE CaseNotes (
    Id TEXT NOT NULL PRIMARY KEY,
    CaseId TEXT NOT NULL REFERENCES Cases (Id),
    AuthorUserId TEXT NOT NULL REFERENCES Users (Id),
    BodyCipher TEXT NOT NULL,
    CreatedAt TEXT NOT NULL
);
CREATE INDEX IX_CaseNotes_Case ON CaseNotes (CaseId, CreatedAt);

-- Append-only. AUTOINCREMENT never reuses a number, and SQLite commits one writer at a time, so
-- numbers become visible in order and a console can resync from the last one it saw.
CREATE TABLE CaseEvents (
    Sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    CaseId TEXT NOT NULL REFERENCES Cases (Id),
    Type TEXT NOT NULL,
    Data TEXT NOT NULL,
    ActorUserId TEXT NULL,
    OccurredAt TEXT NOT NULL
);
CREATE INDEX IX_CaseEvents_Case ON CaseEvents (CaseId, Sequence);

CREATE TABLE Outbox (
    Id TEXT NOT NULL PRIMARY KEY,
    MessageId TEXT NOT NULL UNIQUE REFERENCES Messages (Id),
    ConversationId TEXT NOT NULL REFERENCES Conversations (Id),
    Channel TEXT NOT NULL,
    Status TEXT NOT NULL CHECK (Status IN ('Pending', 'Sending', 'Sent', 'Failed', 'Cancelled')),
    Attempts INTEGER NOT NULL DEFAULT 0,
    NextAttemptAt TEXT NOT NULL,
    LeaseToken TEXT NULL,
    LeaseExpiresAt TEXT NULL,
    OutcomeUnknown INTEGER NOT NULL DEFAULT 0,
    ProviderMessageId TEXT NULL,
    LastError TEXT NULL,
    CreatedAt TEXT NOT NULL
);
CREATE INDEX IX_Outbox_Due ON Outbox (Status, NextAttemptAt);
CREATE INDEX IX_Outbox_Lease ON Outbox (Status, LeaseExpiresAt);

-- A delivery callback can overtake the send it reports on (the provider answers the send, then calls
-- back, and the callback may commit first). It waits here until the send is recorded.
CREATE TABLE EarlyDeliveryStatuses (
    Channel TEXT NOT NULL,
    ChannelMessageId TEXT NOT NULL,
    DeliveryStatus TEXT NOT NULL,
    DeliveryRank INTEGER NOT NULL,
    DeliveryError TEXT NULL,
    ReceivedAt TEXT NOT NULL,
    PRIMARY KEY (Channel, ChannelMessageId)
);
