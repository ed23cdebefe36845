-- Counts a wrong password; the attempt that reaches the limit locks the account until @LockUntil.
UPDATE Users
SET FailedSignIns = FailedSignIns + 1,
    LockedUntil = CASE WHEN FailedSignIns + 1 >= @MaxFailures THEN @LockUntil ELSE LockedUntil END
WHERE Id = @Id;
