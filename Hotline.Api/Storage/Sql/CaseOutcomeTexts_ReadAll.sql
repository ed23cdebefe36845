SELECT CaseId, AuthorUserId, Text FROM CaseOutcomeTexts;
