-- Initial schema. Times are UTC DATETIME2(3). Columns ending in Cipher hold AES-GCM values
-- ("hl1:{keyId}:{base64}"); columns ending in Hash hold a keyed HMAC. Nothing here holds a phone
-- number, a chat id or a message text in the clear.

CREATE TABLE dbo.Users (
    Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Users PRIMARY KEY,
    UserName NVARCHAR(100) NOT NULL CONSTRAINT UX_Users_UserName UNIQUE,
    DisplayName NVARCHAR(200) NOT NULL,
    Role NVARCHAR(20) NOT NULL CONSTRAINT CK_Users_Role CHECK (Role IN (N'Caseworker', N'Supervisor', N'Ngo', N'Admin')),
    PasswordHash NVARCHAR(400) NOT NULL,
    OrganisationId UNIQUEIDENTIFIER NULL,
    FailedSignIns INT NOT NULL CONSTRAINT DF_Users_FailedSignIns DEFAULT 0,
    LockedUntil DATETIME2(3) NULL,
    Disabled BIT NOT NULL CONSTRAINT DF_Users_Disabled DEFAULT 0,
    CreatedAt DATETIME2(3) NOT NULL
);

CREATE TABLE dbo.UserLanguages (
    UserId UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_UserLanguages_Users REFERENCES dbo.Users (Id) ON DELETE CASCADE,
    Language NVARCHAR(35) NOT NULL,
    CONSTRAINT PK_UserLanguages PRIMARY KEY (UserId, Language)
);

CREATE TABLE dbo.Conversations (
    Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Conversations PRIMARY KEY,
    Channel NVARCHAR(20) NOT NULL,
    AddressHash VARCHAR(64) NOT NULL,
    AddressCipher NVARCHAR(400) NOT NULL,
    Language NVARCHAR(35) NULL,
    EngineStateCipher NVARCHAR(MAX) NULL,
    Status NVARCHAR(20) NOT NULL,
    StatusReason NVARCHAR(200) NULL,
    CreatedAt DATETIME2(3) NOT NULL,
    LastInboundAt DATETIME2(3) NULL,
    Version INT NOT NULL CONSTRAINT DF_Conversations_Version DEFAULT 1,
    CONSTRAINT UX_Conversations_Address UNIQUE (Channel, AddressHash)
);

CREATE TABLE dbo.Cases (
    Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Cases PRIMARY KEY NONCLUSTERED,
    ConversationId UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Cases_Conversations REFERENCES dbo.Conversations (Id),
    Status NVARCHAR(10) NOT NULL CONSTRAINT CK_Cases_Status CHECK (Status IN (N'Queued', N'Claimed', N'Closed')),
    Priority INT NOT NULL,
    TriageScore INT NOT NULL,
    TriageReasons NVARCHAR(2000) NOT NULL,
    Language NVARCHAR(35) NOT NULL,
    AssigneeId UNIQUEIDENTIFIER NULL CONSTRAINT FK_Cases_Users REFERENCES dbo.Users (Id),
    LeaseToken UNIQUEIDENTIFIER NULL,
    LeaseExpiresAt DATETIME2(3) NULL,
    QueuedAt DATETIME2(3) NOT NULL,
    OpenedAt DATETIME2(3) NOT NULL,
    ClosedAt DATETIME2(3) NULL,
    Outcome NVARCHAR(100) NULL,
    Version INT NOT NULL CONSTRAINT DF_Cases_Version DEFAULT 1
);

-- The claim reads the head of one language's queue: band first, then the longest waiting.
CREATE CLUSTERED INDEX IX_Cases_Queue ON dbo.Cases (Status, Language, Priority DESC, QueuedAt);
CREATE INDEX IX_Cases_Lease ON dbo.Cases (Status, LeaseExpiresAt);
-- A conversation has at most one open case: two webhooks racing cannot open two.
CREATE UNIQUE INDEX UX_Cases_OpenPerConversation ON dbo.Cases (ConversationId) WHERE Status IN (N'Queued', N'Claimed');

CREATE TABLE dbo.Messages (
    Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Messages PRIMARY KEY,
    ConversationId UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Messages_Conversations REFERENCES dbo.Conversations (Id),
    CaseId UNIQUEIDENTIFIER NULL CONSTRAINT FK_Messages_Cases REFERENCES dbo.Cases (Id),
    Direction NVARCHAR(10) NOT NULL CONSTRAINT CK_Messages_Direction CHECK (Direction IN (N'Inbound', N'Outbound')),
    Channel NVARCHAR(20) NOT NULL,
    ChannelMessageId NVARCHAR(200) NULL,
    BodyCipher NVARCHAR(MAX) NOT NULL,
    MediaCipher NVARCHAR(MAX) NULL,
    Segments INT NOT NULL CONSTRAINT DF_Messages_Segments DEFAULT 0,
    AuthorUserId UNIQUEIDENTIFIER NULL CONSTRAINT FK_Messages_Users REFERENCES dbo.Users (Id),
    DeliveryStatus NVARCHAR(20) NOT NULL,
    DeliveryRank INT NOT NULL CONSTRAINT DF_Messages_DeliveryRank DEFAULT 0,
    DeliveryError NVARCHAR(400) NULL,
    CreatedAt DATETIME2(3) NOT NULL,
    SentAt DATETIME2(3) NULL,
    DeliveredAt DATETIME2(3) NULL
);

-- A channel's own message id (Twilio's MessageSid, an activity id) is the idempotency key of a webhook.
CREATE UNIQUE INDEX UX_Messages_ChannelMessageId ON dbo.Messages (Channel, ChannelMessageId)
    WHERE ChannelMessageId IS NOT NULL;
CREATE INDEX IX_Messages_Conversation ON dbo.Messages (ConversationId, CreatedAt);

CREATE TABLE dbo.CaseNotes (
    Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_CaseNotes PRIMARY KEY,
    CaseId UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_CaseNotes_Cases REFERENCES dbo.Cases (Id),
    AuthorUserId UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_CaseNotes_Users REFERENCES dbo.Users (Id),
    BodyCipher NVARCHAR(MAX) NOT NULL,
    CreatedAt DATETIME2(3) NOT NULL
);
CREATE INDEX IX_CaseNotes_Case ON dbo.CaseNotes (CaseId, CreatedAt);

-- IDENTITY values are handed out before commit, so a later number can become visible before an
-- earlier one and a console resyncing "after N" would skip it. The counter row is updated inside
-- each appending transaction instead: its lock makes numbers commit in order.
CREATE TABLE dbo.Counters (
    Name NVARCHAR(50) NOT NULL CONSTRAINT PK_Counters PRIMARY KEY,
    Value BIGINT NOT NULL
);
INSERT INTO dbo.Counters (Name, Value) VALUES (N'CaseEvents', 0);

CREATE TABLE dbo.CaseEvents (
    Sequence BIGINT NOT NULL CONSTRAINT PK_CaseEvents PRIMARY KEY,
    CaseId UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_CaseEvents_Cases REFERENCES dbo.Cases (Id),
    Type NVARCHAR(50) NOT NULL,
    Data NVARCHAR(MAX) NOT NULL,
    ActorUserId UNIQUEIDENTIFIER NULL,
    OccurredAt DATETIME2(3) NOT NULL
);
CREATE INDEX IX_CaseEvents_Case ON dbo.CaseEvents (CaseId, Sequence);

CREATE TABLE dbo.Outbox (
    Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Outbox PRIMARY KEY,
    MessageId UNIQUEIDENTIFIER NOT NULL CONSTRAINT UX_Outbox_Message UNIQUE CONSTRAINT FK_Outbox_Messages REFERENCES dbo.Messages (Id),
    ConversationId UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Outbox_Conversations REFERENCES dbo.Conversations (Id),
    Channel NVARCHAR(20) NOT NULL,
    Status NVARCHAR(10) NOT NULL CONSTRAINT CK_Outbox_Status CHECK (Status IN (N'Pending', N'Sending', N'Sent', N'Failed', N'Cancelled')),
    Attempts INT NOT NULL CONSTRAINT DF_Outbox_Attempts DEFAULT 0,
    NextAttemptAt DATETIME2(3) NOT NULL,
    LeaseToken UNIQUEIDENTIFIER NULL,
    LeaseExpiresAt DATETIME2(3) NULL,
    OutcomeUnknown BIT NOT NULL CONSTRAINT DF_Outbox_OutcomeUnknown DEFAULT 0,
    ProviderMessageId NVARCHAR(100) NULL,
    LastError NVARCHAR(400) NULL,
    CreatedAt DATETIME2(3) NOT NULL
);
CREATE INDEX IX_Outbox_Due ON dbo.Outbox (Status, NextAttemptAt);
CREATE INDEX IX_Outbox_Lease ON dbo.Outbox (Status, LeaseExpiresAt);

-- A delivery callback can overtake the send it reports on (the provider answers the send, then calls
-- back, and the callback may commit first). It waits here until the send is recorded.
CREATE TABLE dbo.EarlyDeliveryStatuses (
    Channel NVARCHAR(20) NOT NULL,
    ChannelMessageId NVARCHAR(200) NOT NULL,
    DeliveryStatus NVARCHAR(20) NOT NULL,
    DeliveryRank INT NOT NULL,
    DeliveryError NVARCHAR(400) NULL,
    ReceivedAt DATETIME2(3) NOT NULL,
    CONSTRAINT PK_EarlyDeliveryStatuses PRIMARY KEY (Channel, ChannelMessageId)
);
