-- An intake answer's own words go; its step and answer code (what the triage and statistics use) stay.
UPDATE dbo.CaseEvents
SET Data = JSON_MODIFY(Data, '$.TextCipher', NULL)
WHERE CaseId = @CaseId AND Type = N'AnswerRecorded' AND JSON_VALUE(Data, '$.TextCipher') IS NOT NULL;
