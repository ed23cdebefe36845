SELECT Id, UserName, DisplayName, Role, PasswordHash, OrganisationId, FailedSignIns, LockedUntil, Disabled, MustChangePassword, CreatedAt
FROM Users
WHERE Id = @Id;
