-- Partner NGOs, referrals of cases to them, and the statistics projection.
-- Columns ending in Cipher hold AES-GCM values: a referral summary and an outcome note are free text a
-- person wrote about someone, so they are encrypted like case notes. Everything else is codes.

-- Lists (Services, Languages, Regions) are JSON arrays of short codes or names: the directory is small
-- and read whole, so a join table per list would buy nothing.
CREATE TABLE Partners (
    Id TEXT NOT NULL PRIMARY KEY,
    Name TEXT NOT NULL COLLATE NOCASE UNIQUE,
    Services TEXT NOT NULL,
    Languages TEXT NOT NULL,
    Regions TEXT NOT NULL,
    ContactName TEXT NULL,
    ContactEmail TEXT NULL,
    ContactPhone TEXT NULL,
    Active INTEGER NOT NULL DEFAULT 1,
    CreatedAt TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);

-- Users.OrganisationId (from 0001) names a Partners row for NGO accounts; SQLite cannot add a foreign key
-- to an existing table, so the admin endpoint that sets it checks the partner exists.
CREATE INDEX IX_Users_Organisation ON Users (OrganisationId);

CREATE TABLE Referrals (
    Id TEXT NOT NULL PRIMARY KEY,
    CaseId TEXT NOT NULL REFERENCES Cases (Id),
    PartnerId TEXT NOT NULL REFERENCES Partners (Id),
    Service TEXT NOT NULL,
    Status TEXT NOT NULL CHECK (Status IN ('Proposed', 'ConsentRecorded', 'Sent', 'Accepted', 'Declined', 'Completed', 'Withdrawn')),
    ConsentGivenBy TEXT NULL,
    ConsentChannel TEXT NULL,
    ConsentGivenAt TEXT NULL,
    SharedFields TEXT NULL,
    SummaryCipher TEXT NULL,
    Nationality TEXT NULL,
    Region TEXT NULL,
    ContactRoute TEXT NULL,
    DeclineReason TEXT NULL,
    Outcome TEXT NULL,
    OutcomeNoteCipher TEXT NULL,
    CreatedAt TEXT NOT NULL,
    CreatedBy TEXT NOT NULL REFERENCES Users (Id),
    SentAt TEXT NULL,
    RespondedAt TEXT NULL,
    CompletedAt TEXT NULL,
    UpdatedAt TEXT NOT NULL,
    Version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IX_Referrals_Case ON Referrals (CaseId, CreatedAt);
-- A partner's inbox: its referrals, newest first.
CREATE INDEX IX_Referrals_Partner ON Referrals (PartnerId, CreatedAt);

-- The projection recomputes a case's first caseworker reply; without this it would scan the conversation.
CREATE INDEX IX_Messages_Case ON Messages (CaseId, CreatedAt);

-- Statistics are pre-aggregated: the page reads a few hundred counters instead of a million cases.
-- StatisticsCaseFacts keeps, per case, exactly the counter keys it was last counted under, so a change
-- to the case subtracts what was added before and nothing is ever counted twice.
CREATE TABLE StatisticsCaseFacts (
    CaseId TEXT NOT NULL PRIMARY KEY REFERENCES Cases (Id),
    Keys TEXT NOT NULL
);

CREATE TABLE StatisticsCounts (
    Month TEXT NOT NULL,
    Dimension TEXT NOT NULL,
    Value TEXT NOT NULL,
    Count INTEGER NOT NULL,
    TotalSeconds INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (Month, Dimension, Value)
);

-- How far through the case-event log the projection has counted.
CREATE TABLE StatisticsCheckpoints (
    Name TEXT NOT NULL PRIMARY KEY,
    LastSequence INTEGER NOT NULL
);
INSERT INTO StatisticsCheckpoints (Name, LastSequence) VALUES ('Statistics', 0);
