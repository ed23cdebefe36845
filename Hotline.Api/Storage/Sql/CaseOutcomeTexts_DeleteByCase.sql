DELETE FROM CaseOutcomeTexts WHERE CaseId = @CaseId;
