INSERT INTO Users (Id, UserName, DisplayName, Role, PasswordHash, OrganisationId, CreatedAt, SecurityStamp, MustChangePassword)
VALUES (@Id, @UserName, @DisplayName, @Role, @PasswordHash, @OrganisationId, @CreatedAt, @SecurityStamp, @MustChangePassword);
