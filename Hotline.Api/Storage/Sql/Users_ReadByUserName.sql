SELECT Id, UserName, DisplayName, Role, PasswordHash, OrganisationId, FailedSignIns, LockedUntil, Disabled, CreatedAt, SecurityStamp
FROM Users
WHERE UserName = @UserName;
