SELECT Id, CaseId, AuthorUserId, BodyCipher, CreatedAt
FROM CaseNotes
WHERE CaseId = @CaseId
ORDER BY CreatedAt, Id;
