INSERT INTO Users (Id, UserName, DisplayName, Role, PasswordHash, OrganisationId, CreatedAt, SecurityStamp)
VALUES (@Id, @UserName, @DisplayName, @Role, @PasswordHash, @OrganisationId, @CreatedAt, @SecurityStamp);
