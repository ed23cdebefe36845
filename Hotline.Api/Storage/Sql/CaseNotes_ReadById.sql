SELECT Id, CaseId, AuthorUserId, BodyCipher, CreatedAt
FROM CaseNotes
WHERE Id = @Id;
