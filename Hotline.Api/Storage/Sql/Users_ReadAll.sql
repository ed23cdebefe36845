SELECT Id, UserName, DisplayName, Role, PasswordHash, OrganisationId, FailedSignIns, LockedUntil, Disabled, MustChangePassword, CreatedAt
FROM Users
ORDER BY UserName;
