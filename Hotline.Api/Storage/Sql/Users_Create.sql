INSERT INTO Users (Id, UserName, DisplayName, Role, PasswordHash, OrganisationId, CreatedAt)
VALUES (@Id, @UserName, @DisplayName, @Role, @PasswordHash, @OrganisationId, @CreatedAt);
