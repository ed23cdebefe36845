INSERT INTO CaseNotes (Id, CaseId, AuthorUserId, BodyCipher, CreatedAt)
VALUES (@Id, @CaseId, @AuthorUserId, @BodyCipher, @CreatedAt);
