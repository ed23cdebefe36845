-- Partner NGOs, referrals of cases to them, and the statistics projection.
-- Columns ending in Cipher hold AES-GCM values: a referral summary and an outcome note are free text a
-- person wrote about someone, so they are encrypted like case notes. Everything else is codes.

-- Lists (Services, Languages, Regions) are JSON arrays of short codes or names: the directory is small
-- and read whole, so a join table per list would buy nothing.
CREATE TABLE dbo.Partners (
    Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Partners PRIMARY KEY,
    Name NVARCHAR(200) NOT NULL CONSTRAINT UX_Partners_Name UNIQUE,
    Services NVARCHAR(1000) NOT NULL,
    Languages NVARCHAR(1000) NOT NULL,
    Regions NVARCHAR(2000) NOT NULL,
    ContactName NVARCHAR(200) NULL,
    ContactEmail NVARCHAR(200) NULL,
    ContactPhone NVARCHAR(50) NULL,
    Active BIT NOT NULL CONSTRAINT DF_Partners_Active DEFAULT 1,
    CreatedAt DATETIME2(3) NOT NULL,
    UpdatedAt DATETIME2(3) NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_Partners_Version DEFAULT 1
);

CREATE INDEX IX_Users_Organisation ON dbo.Users (OrganisationId);
ALTER TABLE dbo.Users ADD CONSTRAINT FK_Users_Partners FOREIGN KEY (OrganisationId) REFERENCES dbo.Partners (Id);

CREATE TABLE dbo.Referrals (
    Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Referrals PRIMARY KEY,
    CaseId UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Referrals_Cases REFERENCES dbo.Cases (Id),
    PartnerId UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Referrals_Partners REFERENCES dbo.Partners (Id),
    Service NVARCHAR(50) NOT NULL,
    Status NVARCHAR(20) NOT NULL CONSTRAINT CK_Referrals_Status
        CHECK (Status IN (N'Proposed', N'ConsentRecorded', N'Sent', N'Accepted', N'Declined', N'Completed', N'Withdrawn')),
    ConsentGivenBy NVARCHAR(50) NULL,
    ConsentChannel NVARCHAR(50) NULL,
    ConsentGivenAt DATETIME2(3) NULL,
    SharedFields NVARCHAR(400) NULL,
    SummaryCipher NVARCHAR(MAX) NULL,
    Nationality NVARCHAR(2) NULL,
    Region NVARCHAR(200) NULL,
    ContactRoute NVARCHAR(50) NULL,
    DeclineReason NVARCHAR(50) NULL,
    Outcome NVARCHAR(50) NULL,
    OutcomeNoteCipher NVARCHAR(MAX) NULL,
    CreatedAt DATETIME2(3) NOT NULL,
    CreatedBy UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Referrals_Users REFERENCES dbo.Users (Id),
    SentAt DATETIME2(3) NULL,
    RespondedAt DATETIME2(3) NULL,
    CompletedAt DATETIME2(3) NULL,
    UpdatedAt DATETIME2(3) NOT NULL,
    Version INT NOT NULL CONSTRAINT DF_Referrals_Version DEFAULT 1
);
CREATE INDEX IX_Referrals_Case ON dbo.Referrals (CaseId, CreatedAt);
-- A partner's inbox: its referrals, newest first.
CREATE INDEX IX_Referrals_Partner ON dbo.Referrals (PartnerId, CreatedAt);

-- The projection recomputes a case's first caseworker reply; without this it would scan the conversation.
CREATE INDEX IX_Messages_Case ON dbo.Messages (CaseId, CreatedAt);

-- Statistics are pre-aggregated: the page reads a few hundred counters instead of a million cases.
-- StatisticsCaseFacts keeps, per case, exactly the counter keys it was last counted under, so a change
-- to the case subtracts what was added before and nothing is ever counted twice.
CREATE TABLE dbo.StatisticsCaseFacts (
    CaseId UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_StatisticsCaseFacts PRIMARY KEY
        CONSTRAINT FK_StatisticsCaseFacts_Cases REFERENCES dbo.Cases (Id),
    Keys NVARCHAR(MAX) NOT NULL
);

CREATE TABLE dbo.StatisticsCounts (
    Month CHAR(7) NOT NULL,
    Dimension NVARCHAR(50) NOT NULL,
    Value NVARCHAR(200) NOT NULL,
    Count BIGINT NOT NULL,
    TotalSeconds BIGINT NOT NULL CONSTRAINT DF_StatisticsCounts_TotalSeconds DEFAULT 0,
    CONSTRAINT PK_StatisticsCounts PRIMARY KEY (Month, Dimension, Value)
);

-- How far through the case-event log the projection has counted.
CREATE TABLE dbo.StatisticsCheckpoints (
    Name NVARCHAR(50) NOT NULL CONSTRAINT PK_StatisticsCheckpoints PRIMARY KEY,
    LastSequence BIGINT NOT NULL
);
INSERT INTO dbo.StatisticsCheckpoints (Name, LastSequence) VALUES (N'Statistics', 0);
