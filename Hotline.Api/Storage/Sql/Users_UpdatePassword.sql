-- A new password also lifts a lockout: the person who holds it starts with a clean count.
UPDATE Users
SET PasswordHash = @PasswordHash, MustChangePassword = @MustChangePassword, FailedSignIns = 0, LockedUntil = NULL
WHERE Id = @Id;
