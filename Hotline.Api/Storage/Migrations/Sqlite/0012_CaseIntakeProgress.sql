-- A case is queued while its intake still asks questions: which one (of how many) it asks now, and NULL once
-- the intake asks nothing more. While it is not NULL the case's band and score are provisional.
ALTER TABLE Cases ADD COLUMN IntakeQuestion INTEGER NULL;
ALTER TABLE Cases ADD COLUMN IntakeQuestions INTEGER NULL;
