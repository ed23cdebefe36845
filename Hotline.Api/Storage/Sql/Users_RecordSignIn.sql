UPDATE Users
SET FailedSignIns = 0, LockedUntil = NULL
WHERE Id = @Id;
