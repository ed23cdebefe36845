SELECT Id, UserName, DisplayName, Role, PasswordHash, OrganisationId, FailedSignIns, LockedUntil, Disabled, MustChangePassword, CreatedAt
FROM Users
WHERE Disabled = 0
ORDER BY DisplayName;
