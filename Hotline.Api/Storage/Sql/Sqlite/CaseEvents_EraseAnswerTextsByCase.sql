-- An intake answer's own words go; its step and answer code (what the triage and statistics use) stay.
UPDATE CaseEvents
SET Data = json_remove(Data, '$.TextCipher')
WHERE CaseId = @CaseId AND Type = 'AnswerRecorded' AND json_extract(Data, '$.TextCipher') IS NOT NULL;
