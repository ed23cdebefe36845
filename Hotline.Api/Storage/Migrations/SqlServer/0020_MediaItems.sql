-- Each attachment of an inbound message, fetched by the media job (not the webhook) and kept as evidence.
-- Pending: to fetch; Stored: the bytes are in the media store and the provider's copy is still to delete;
-- Kept: done; NotKept: refused for good, Reason says why. SourceCipher (the provider's link) and
-- EvidenceCipher (capture time, position, device) are personal data, encrypted like message text.
CREATE TABLE dbo.MediaItems (
    Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_MediaItems PRIMARY KEY,
    MessageId UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_MediaItems_Messages REFERENCES dbo.Messages (Id),
    ConversationId UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_MediaItems_Conversations REFERENCES dbo.Conversations (Id),
    Position INT NOT NULL,
    Channel NVARCHAR(20) NOT NULL,
    SourceCipher NVARCHAR(MAX) NOT NULL,
    Status NVARCHAR(10) NOT NULL CONSTRAINT CK_MediaItems_Status CHECK (Status IN (N'Pending', N'Stored', N'Kept', N'NotKept')),
    Attempts INT NOT NULL CONSTRAINT DF_MediaItems_Attempts DEFAULT 0,
    NextAttemptAt DATETIME2(3) NOT NULL,
    LeaseToken UNIQUEIDENTIFIER NULL,
    LeaseExpiresAt DATETIME2(3) NULL,
    Reason NVARCHAR(200) NULL,
    ContentType NVARCHAR(100) NULL,
    SizeBytes BIGINT NULL,
    Sha256 CHAR(64) NULL,
    Width INT NULL,
    Height INT NULL,
    HasView BIT NOT NULL CONSTRAINT DF_MediaItems_HasView DEFAULT 0,
    EvidenceCipher NVARCHAR(MAX) NULL,
    StoredAt DATETIME2(3) NULL,
    CreatedAt DATETIME2(3) NOT NULL,
    CONSTRAINT UX_MediaItems_Message UNIQUE (MessageId, Position)
);
CREATE INDEX IX_MediaItems_Due ON dbo.MediaItems (Status, NextAttemptAt);
CREATE INDEX IX_MediaItems_Conversation ON dbo.MediaItems (ConversationId);
