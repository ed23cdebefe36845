-- A case's outcome is a code (CaseStore/CaseOutcomes); words a caseworker typed as the outcome are personal data and
-- belong in an encrypted case note. SQL cannot encrypt: each such text is copied here, with who closed the case, the
-- outcome becomes 'other' (in the case and in its closing event), and CaseOutcomeBackfill, which runs right after the
-- migrations at every start, seals each text as a note and deletes its row here.
CREATE TABLE dbo.CaseOutcomeTexts (
    CaseId UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_CaseOutcomeTexts PRIMARY KEY
        CONSTRAINT FK_CaseOutcomeTexts_Cases REFERENCES dbo.Cases (Id),
    AuthorUserId UNIQUEIDENTIFIER NULL CONSTRAINT FK_CaseOutcomeTexts_Users REFERENCES dbo.Users (Id),
    Text NVARCHAR(100) NOT NULL
);

-- A code written in other letters or with spaces is still that code.
UPDATE dbo.Cases SET Outcome = LOWER(TRIM(Outcome))
WHERE Outcome IS NOT NULL AND Outcome COLLATE Latin1_General_BIN2 <> LOWER(TRIM(Outcome))
  AND LOWER(TRIM(Outcome)) IN (N'referred', N'resolved', N'no_contact', N'declined_help', N'not_trafficking', N'duplicate', N'other', N'erased');

INSERT INTO dbo.CaseOutcomeTexts (CaseId, AuthorUserId, Text)
SELECT c.Id,
       COALESCE(c.AssigneeId, (SELECT TOP (1) e.ActorUserId FROM dbo.CaseEvents e WHERE e.CaseId = c.Id AND e.Type = N'CaseClosed' ORDER BY e.Sequence DESC)),
       c.Outcome
FROM dbo.Cases c
WHERE c.Outcome IS NOT NULL
  AND c.Outcome COLLATE Latin1_General_BIN2 NOT IN (N'referred', N'resolved', N'no_contact', N'declined_help', N'not_trafficking', N'duplicate', N'other', N'erased')
  AND NOT EXISTS (SELECT 1 FROM dbo.CaseOutcomeTexts t WHERE t.CaseId = c.Id);

UPDATE dbo.Cases SET Outcome = N'other' WHERE Id IN (SELECT CaseId FROM dbo.CaseOutcomeTexts) AND Outcome <> N'other';

-- A case closes once: its closing event carries the case's outcome.
UPDATE e
SET Data = JSON_MODIFY(e.Data, '$.Outcome', c.Outcome)
FROM dbo.CaseEvents e
JOIN dbo.Cases c ON c.Id = e.CaseId
WHERE e.Type = N'CaseClosed' AND ISJSON(e.Data) = 1
  AND JSON_VALUE(e.Data, '$.Outcome') COLLATE Latin1_General_BIN2 NOT IN (N'referred', N'resolved', N'no_contact', N'declined_help', N'not_trafficking', N'duplicate', N'other', N'erased');
