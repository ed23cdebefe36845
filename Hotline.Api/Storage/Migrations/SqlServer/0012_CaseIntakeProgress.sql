-- A case is queued while its intake still asks questions: which one (of how many) it asks now, and NULL once
-- the intake asks nothing more. While it is not NULL the case's band and score are provisional.
ALTER TABLE dbo.Cases ADD IntakeQuestion INT NULL, IntakeQuestions INT NULL;
