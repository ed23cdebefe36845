SELECT Id, UserName, DisplayName, Role, PasswordHash, OrganisationId, FailedSignIns, LockedUntil, Disabled, MustChangePassword, CreatedAt, SecurityStamp
FROM Users
ORDER BY UserName;
