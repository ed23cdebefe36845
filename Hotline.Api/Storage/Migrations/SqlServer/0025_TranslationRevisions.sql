-- The reviewer role: reads and corrects the intake's translations, and nothing of any case.
ALTER TABLE dbo.Users DROP CONSTRAINT CK_Users_Role;
ALTER TABLE dbo.Users ADD CONSTRAINT CK_Users_Role CHECK (Role IN (N'Caseworker', N'Supervisor', N'Ngo', N'Admin', N'Reviewer'));

-- Corrections to the shipped translations, never changed once written: each row is a version (its Id). Intake and
-- CannedReply rows replace one text of one language; a Review row marks the language reviewed as of that version
-- (a later correction in the language takes the mark away). The script of version N is the shipped one with every
-- row up to N applied, so a conversation started under N keeps its wording. Texts are the hotline's own words,
-- never a person's, and are not encrypted.
CREATE TABLE dbo.TranslationRevisions (
    Id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_TranslationRevisions PRIMARY KEY,
    Language NVARCHAR(8) NOT NULL,
    Kind NVARCHAR(20) NOT NULL CONSTRAINT CK_TranslationRevisions_Kind CHECK (Kind IN (N'Intake', N'CannedReply', N'Review')),
    TextId NVARCHAR(64) NULL,
    Text NVARCHAR(2000) NULL,
    ChangedBy UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_TranslationRevisions_Users REFERENCES dbo.Users (Id),
    ChangedAt DATETIME2(3) NOT NULL
);

-- The translation version a conversation's intake started under; null for one started before any correction.
ALTER TABLE dbo.Conversations ADD TranslationVersion BIGINT NULL;
