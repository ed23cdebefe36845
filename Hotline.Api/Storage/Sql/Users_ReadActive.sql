SELECT Id, UserName, DisplayName, Role, PasswordHash, OrganisationId, FailedSignIns, LockedUntil, Disabled, CreatedAt, SecurityStamp
FROM Users
WHERE Disabled = 0
ORDER BY DisplayName;
