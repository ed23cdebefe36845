-- A case's outcome is a code (CaseStore/CaseOutcomes); words a caseworker typed as the outcome are personal data and
-- belong in an encrypted case note. SQL cannot encrypt: each such text is copied here, with who closed the case, the
-- outcome becomes 'other' (in the case and in its closing event), and CaseOutcomeBackfill, which runs right after the
-- migrations at every start, seals each text as a note and deletes its row here.
CREATE TABLE IF NOT EXISTS CaseOutcomeTexts (
    CaseId TEXT NOT NULL PRIMARY KEY REFERENCES Cases (Id),
    AuthorUserId TEXT NULL REFERENCES Users (Id),
    Text TEXT NOT NULL
);

-- A code written in other letters or with spaces is still that code.
UPDATE Cases SET Outcome = lower(trim(Outcome))
WHERE Outcome IS NOT NULL AND Outcome <> lower(trim(Outcome))
  AND lower(trim(Outcome)) IN ('referred', 'resolved', 'no_contact', 'declined_help', 'not_trafficking', 'duplicate', 'other', 'erased');

INSERT OR IGNORE INTO CaseOutcomeTexts (CaseId, AuthorUserId, Text)
SELECT c.Id,
       COALESCE(c.AssigneeId, (SELECT e.ActorUserId FROM CaseEvents e WHERE e.CaseId = c.Id AND e.Type = 'CaseClosed' ORDER BY e.Sequence DESC LIMIT 1)),
       c.Outcome
FROM Cases c
WHERE c.Outcome IS NOT NULL
  AND c.Outcome NOT IN ('referred', 'resolved', 'no_contact', 'declined_help', 'not_trafficking', 'duplicate', 'other', 'erased');

UPDATE Cases SET Outcome = 'other' WHERE Id IN (SELECT CaseId FROM CaseOutcomeTexts) AND Outcome <> 'other';

-- A case closes once: its closing event carries the case's outcome.
UPDATE CaseEvents
SET Data = json_set(Data, '$.Outcome', (SELECT c.Outcome FROM Cases c WHERE c.Id = CaseEvents.CaseId))
WHERE Type = 'CaseClosed' AND json_valid(Data)
  AND json_extract(Data, '$.Outcome') NOT IN ('referred', 'resolved', 'no_contact', 'declined_help', 'not_trafficking', 'duplicate', 'other', 'erased');
