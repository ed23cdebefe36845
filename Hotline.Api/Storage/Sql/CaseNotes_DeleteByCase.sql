DELETE FROM CaseNotes
WHERE CaseId = @CaseId;
