-- Only the projection writes here, one instance at a time (it holds the checkpoint row), so no race.
UPDATE dbo.StatisticsCaseFacts
SET Keys = @Keys
WHERE CaseId = @CaseId;

IF @@ROWCOUNT = 0
    INSERT INTO dbo.StatisticsCaseFacts (CaseId, Keys)
    VALUES (@CaseId, @Keys);
